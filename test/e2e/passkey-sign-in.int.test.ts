// The whole passkey ceremony through the router, with a software authenticator: registering,
// signing in with the passkey alone (it satisfies the practice's two-step requirement), the
// counter check, and the same lockout and inactive checks as a password sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { gql, tokenFor, type GraphQLResult } from '../support/graphql-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const START_REGISTRATION = 'mutation { startPasskeyRegistration { challengeId optionsJson } }';
const REGISTER = 'mutation ($c: String!, $n: String!, $r: String!) { registerPasskey(challengeId: $c, name: $n, responseJson: $r) { id name } }';
const START_SIGN_IN = 'mutation { startPasskeySignIn { challengeId optionsJson } }';
const SIGN_IN = 'mutation ($c: String!, $r: String!) { signInWithPasskey(challengeId: $c, responseJson: $r) { mfaRequired mfaEnrollmentRequired accessToken refreshToken user { id } } }';
const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { mfaRequired mfaEnrollmentRequired mfaToken accessToken } }';
const MY_PASSKEYS = '{ myPasskeys { id name lastUsedAt } }';
type Result = GraphQLResult & { status: number };
const errorOf = (r: Result) => r.errors?.[0]?.extensions;

async function registerPasskey(token: string, authenticator: SoftwareAuthenticator, name = 'Work laptop', origin?: string): Promise<Result> {
  const { challengeId, optionsJson } = (await gql(stack.routerUrl, START_REGISTRATION, {}, token)).data!.startPasskeyRegistration;
  return gql(stack.routerUrl, REGISTER, { c: challengeId, n: name, r: authenticator.register(optionsJson, { origin }) }, token);
}

async function signInWith(authenticator: SoftwareAuthenticator, options: { counter?: number } = {}): Promise<Result> {
  const { challengeId, optionsJson } = (await gql(stack.routerUrl, START_SIGN_IN)).data!.startPasskeySignIn;
  return gql(stack.routerUrl, SIGN_IN, { c: challengeId, r: authenticator.signIn(optionsJson, options) });
}

describe('passkey sign-in', () => {
  it('registers a passkey and signs in with it alone where two-step verification is required', async () => {
    const practice = await createTestPractice(undefined, { staffMfaRequired: true });
    const staff = await createTestStaff(practice);
    const token = await tokenFor(staff);
    const authenticator = new SoftwareAuthenticator();

    const registered = await registerPasskey(token, authenticator, '  Work laptop ');
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerPasskey.name).toBe('Work laptop');
    const passkeyId = registered.data!.registerPasskey.id as string;
    expect((await gql(stack.routerUrl, MY_PASSKEYS, {}, token)).data!.myPasskeys).toEqual([{ id: passkeyId, name: 'Work laptop', lastUsedAt: null }]);
    const stored = await testPrisma().passkey.findFirstOrThrow({ where: { id: passkeyId }, select: { credentialId: true, practiceId: true, userId: true } });
    expect(stored).toEqual({ credentialId: authenticator.id, practiceId: practice.id, userId: staff.id });

    const signedIn = await signInWith(authenticator);
    expect(signedIn.errors).toBeUndefined();
    const payload = signedIn.data!.signInWithPasskey;
    expect(payload).toMatchObject({ mfaRequired: false, mfaEnrollmentRequired: false, user: { id: staff.id } });
    expect(payload.refreshToken).toEqual(expect.any(String));
    const session = await gql(stack.routerUrl, '{ me { id } currentPractice { id } mySessions { current } }', {}, payload.accessToken);
    expect(session.data).toEqual({ me: { id: staff.id }, currentPractice: { id: practice.id }, mySessions: [{ current: true }] });
    expect((await gql(stack.routerUrl, MY_PASSKEYS, {}, token)).data!.myPasskeys[0].lastUsedAt).not.toBeNull();

    // The password alone cannot stand in for the passkey (not even by enrolling an authenticator app).
    expect(errorOf(await gql(stack.routerUrl, LOGIN, { e: staff.email, p: TEST_PASSWORD }))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_REQUIRED' });
  });

  it('renames and deletes a passkey; a deleted one signs nobody in', async () => {
    const staff = await createTestStaff(await createTestPractice(undefined, { staffMfaRequired: true }));
    const token = await tokenFor(staff);
    const authenticator = new SoftwareAuthenticator();
    const id = (await registerPasskey(token, authenticator)).data!.registerPasskey.id as string;

    const RENAME = 'mutation ($id: ID!, $n: String!) { renamePasskey(id: $id, name: $n) { id name } }';
    expect((await gql(stack.routerUrl, RENAME, { id, n: 'Phone' }, token)).data!.renamePasskey).toEqual({ id, name: 'Phone' });
    expect(errorOf(await gql(stack.routerUrl, RENAME, { id, n: '   ' }, token))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSKEY_NAME' });

    expect((await gql(stack.routerUrl, 'mutation ($id: ID!) { deletePasskey(id: $id) }', { id }, token)).data!.deletePasskey).toBe(true);
    expect((await gql(stack.routerUrl, MY_PASSKEYS, {}, token)).data!.myPasskeys).toEqual([]);
    expect(errorOf(await signInWith(authenticator))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_NOT_RECOGNIZED' });
    // Without a second factor again, the password leads to setting one up.
    expect((await gql(stack.routerUrl, LOGIN, { e: staff.email, p: TEST_PASSWORD })).data!.login).toMatchObject({ mfaEnrollmentRequired: true, accessToken: null });
  });

  it('refuses a response made for another site, a passkey registered twice, a cloned authenticator and a replayed response', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const token = await tokenFor(staff);
    const authenticator = new SoftwareAuthenticator();
    expect(errorOf(await registerPasskey(token, authenticator, 'Phishing', 'https://solace.evil.example'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSKEY_NOT_VERIFIED' });
    expect((await registerPasskey(token, authenticator)).errors).toBeUndefined();
    expect(errorOf(await registerPasskey(token, authenticator))).toMatchObject({ code: 'CONFLICT', reason: 'PASSKEY_ALREADY_REGISTERED' });

    expect((await signInWith(authenticator)).errors).toBeUndefined();
    // A copy of the key reports a counter the server has already seen.
    expect(errorOf(await signInWith(authenticator, { counter: authenticator.counter }))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_NOT_VERIFIED' });
    const failures = await testPrisma().staffUser.findFirstOrThrow({ where: { id: staff.id }, select: { failedSignIns: true } });
    expect(failures.failedSignIns).toBe(1);

    // A captured response answers its own challenge only: replayed against a new one it fails, and its challenge is spent.
    const { challengeId, optionsJson } = (await gql(stack.routerUrl, START_SIGN_IN)).data!.startPasskeySignIn;
    const response = authenticator.signIn(optionsJson);
    expect((await gql(stack.routerUrl, SIGN_IN, { c: challengeId, r: response })).errors).toBeUndefined();
    expect(errorOf(await gql(stack.routerUrl, SIGN_IN, { c: challengeId, r: response }))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CHALLENGE_EXPIRED' });
    const fresh = (await gql(stack.routerUrl, START_SIGN_IN)).data!.startPasskeySignIn.challengeId;
    expect(errorOf(await gql(stack.routerUrl, SIGN_IN, { c: fresh, r: response }))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_NOT_VERIFIED' });
  });

  it('goes through the same lockout and deactivation as a password sign-in', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const authenticator = new SoftwareAuthenticator();
    await registerPasskey(await tokenFor(staff), authenticator);
    for (let attempt = 0; attempt < 5; attempt++) await gql(stack.routerUrl, LOGIN, { e: staff.email, p: 'Wrong-password-123!' });
    expect(errorOf(await signInWith(authenticator))?.code).toBe('ACCOUNT_LOCKED');
    // While locked, failing passkey attempts neither count nor push the lock further out.
    const lockedAt = await testPrisma().staffUser.findFirstOrThrow({ where: { id: staff.id }, select: { lockedUntil: true, failedSignIns: true } });
    for (let attempt = 0; attempt < 5; attempt++) expect(errorOf(await signInWith(authenticator, { counter: 0 }))?.code).toBe('ACCOUNT_LOCKED');
    expect(await testPrisma().staffUser.findFirstOrThrow({ where: { id: staff.id }, select: { lockedUntil: true, failedSignIns: true } })).toEqual(lockedAt);

    await testPrisma().staffUser.update({ where: { id: staff.id }, data: { lockedUntil: null, active: false } });
    expect(errorOf(await signInWith(authenticator))?.code).toBe('UNAUTHENTICATED');
  });

  it("keeps passkeys to their owner: no one else in the practice or in another practice lists, renames or deletes them", async () => {
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice);
    const mayaToken = await tokenFor(maya);
    const id = (await registerPasskey(mayaToken, new SoftwareAuthenticator())).data!.registerPasskey.id as string;
    const colleague = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] }));
    for (const token of [colleague, stranger]) {
      expect((await gql(stack.routerUrl, MY_PASSKEYS, {}, token)).data!.myPasskeys).toEqual([]);
      expect(errorOf(await gql(stack.routerUrl, 'mutation ($id: ID!) { renamePasskey(id: $id, name: "Mine now") { id } }', { id }, token))?.code).toBe('NOT_FOUND');
      expect(errorOf(await gql(stack.routerUrl, 'mutation ($id: ID!) { deletePasskey(id: $id) }', { id }, token))?.code).toBe('NOT_FOUND');
    }
    expect(errorOf(await gql(stack.routerUrl, MY_PASSKEYS))?.code).toBe('UNAUTHENTICATED');
    expect((await gql(stack.routerUrl, MY_PASSKEYS, {}, mayaToken)).data!.myPasskeys).toEqual([{ id, name: 'Work laptop', lastUsedAt: null }]);
  });

  it('stops an enrolment token issued before the user added a passkey', async () => {
    const staff = await createTestStaff(await createTestPractice(undefined, { staffMfaRequired: true }));
    const login = (await gql(stack.routerUrl, LOGIN, { e: staff.email, p: TEST_PASSWORD })).data!.login;
    expect(login.mfaEnrollmentRequired).toBe(true);
    await registerPasskey(await tokenFor(staff), new SoftwareAuthenticator());
    const started = await gql(stack.routerUrl, 'mutation ($t: String!) { startMfaEnrollmentAtSignIn(mfaToken: $t) { secret } }', { t: login.mfaToken });
    expect(errorOf(started)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_REQUIRED' });
  });
});
