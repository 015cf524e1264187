// Passkeys through the API: options bound to the web app's domain, single-use challenges, and
// clear refusals. The full ceremony with a real (virtual) authenticator is in the browser test
// test/browser/account-security.browser.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const START_REGISTRATION = 'mutation { startPasskeyRegistration { challengeId optionsJson } }';
const REGISTER = 'mutation ($c: String!, $n: String!, $r: String!) { registerPasskey(challengeId: $c, name: $n, responseJson: $r) { id } }';
const START_SIGN_IN = 'mutation { startPasskeySignIn { challengeId optionsJson } }';
const SIGN_IN = 'mutation ($c: String!, $r: String!) { signInWithPasskey(challengeId: $c, responseJson: $r) { accessToken } }';
const errorOf = (r: { errors?: Array<{ extensions?: { code?: string; reason?: unknown } }> }) => r.errors?.[0]?.extensions;

describe('passkeys', () => {
  it('offers registration options for the web app’s domain, naming the user and excluding nothing yet', async () => {
    const staff = await createTestStaff(await createTestPractice(), { displayName: 'Dr. Maya Patel' });
    const started = await gql(stack.routerUrl, START_REGISTRATION, {}, await tokenFor(staff));
    expect(started.errors).toBeUndefined();
    const options = JSON.parse(started.data!.startPasskeyRegistration.optionsJson);
    expect(options).toMatchObject({ rp: { id: 'localhost', name: 'Solace' }, user: { name: staff.email, displayName: 'Dr. Maya Patel' }, excludeCredentials: [] });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect((await gql(stack.routerUrl, '{ myPasskeys { id } }', {}, await tokenFor(staff))).data!.myPasskeys).toEqual([]);
  });

  it('refuses a response that does not verify, and a challenge that is someone else’s, used or unknown', async () => {
    const practice = await createTestPractice();
    const [maya, sam] = [await createTestStaff(practice), await createTestStaff(practice)];
    const mayaToken = await tokenFor(maya);
    const { challengeId } = (await gql(stack.routerUrl, START_REGISTRATION, {}, mayaToken)).data!.startPasskeyRegistration;
    expect(errorOf(await gql(stack.routerUrl, REGISTER, { c: challengeId, n: 'Laptop', r: '{}' }, await tokenFor(sam)))).toMatchObject({ code: 'INVALID_TOKEN' });
    // The challenge was taken by that attempt: single use, even for its owner.
    expect(errorOf(await gql(stack.routerUrl, REGISTER, { c: challengeId, n: 'Laptop', r: '{}' }, mayaToken))).toMatchObject({ code: 'INVALID_TOKEN' });
    const fresh = (await gql(stack.routerUrl, START_REGISTRATION, {}, mayaToken)).data!.startPasskeyRegistration.challengeId;
    expect(errorOf(await gql(stack.routerUrl, REGISTER, { c: fresh, n: 'Laptop', r: '{"id":"x","response":{}}' }, mayaToken))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSKEY_NOT_VERIFIED' });
    expect(errorOf(await gql(stack.routerUrl, REGISTER, { c: 'no-such-challenge', n: 'Laptop', r: '{}' }, mayaToken))).toMatchObject({ code: 'INVALID_TOKEN' });
    expect(errorOf(await gql(stack.routerUrl, REGISTER, { c: 'x', n: 'Laptop', r: '{}' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('signs in nobody with an unknown passkey or a spent challenge', async () => {
    const started = await gql(stack.routerUrl, START_SIGN_IN);
    expect(started.errors).toBeUndefined();
    const { challengeId, optionsJson } = started.data!.startPasskeySignIn;
    expect(JSON.parse(optionsJson)).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    const unknown = JSON.stringify({ id: 'bm90LWEtcmVhbC1jcmVkZW50aWFs', rawId: 'bm90LWEtcmVhbC1jcmVkZW50aWFs', type: 'public-key', response: {} });
    expect(errorOf(await gql(stack.routerUrl, SIGN_IN, { c: challengeId, r: unknown }))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'PASSKEY_NOT_RECOGNIZED' });
    expect(errorOf(await gql(stack.routerUrl, SIGN_IN, { c: challengeId, r: unknown }))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CHALLENGE_EXPIRED' });
  });

  it('lets nobody rename or delete another person’s passkey', async () => {
    const practice = await createTestPractice();
    const token = await tokenFor(await createTestStaff(practice));
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(await gql(stack.routerUrl, 'mutation ($id: ID!) { deletePasskey(id: $id) }', { id: missing }, token))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await gql(stack.routerUrl, 'mutation ($id: ID!) { renamePasskey(id: $id, name: "x") { id } }', { id: missing }, token))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
