// TOTP multi-factor sign-in: enroll with a QR/otpauth secret, confirm with a code, then sign-in
// needs the password and a fresh code (or a one-time recovery code); codes never work twice.
import { loadConfig } from '@solace/server-kit';
import { SignJWT } from 'jose';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { mfaRequired mfaToken accessToken refreshToken } }';
const COMPLETE = 'mutation ($t: String!, $c: String!) { completeMfaSignIn(mfaToken: $t, code: $c) { mfaRequired accessToken } }';
const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code;
/** The code of the time step `steps` after now (30-second steps). */
const codeAt = (secret: string, steps: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

async function enroll(email: string) {
  const login = await gql<{ login: { accessToken: string } }>(stack.routerUrl, LOGIN, { e: email, p: TEST_PASSWORD });
  const token = login.data!.login.accessToken;
  const started = await gql<{ startMfaEnrollment: { secret: string; otpauthUri: string; qrCodeSvg: string } }>(stack.routerUrl, 'mutation { startMfaEnrollment { secret otpauthUri qrCodeSvg } }', {}, token);
  const { secret, otpauthUri, qrCodeSvg } = started.data!.startMfaEnrollment;
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Solace:.+secret=[A-Z2-7]+/);
  expect(qrCodeSvg).toContain('<svg');
  expect(codeOf(await gql(stack.routerUrl, 'mutation ($c: String!) { confirmMfaEnrollment(code: $c) }', { c: '000000' }, token))).toBe('MFA_INVALID_CODE');
  const confirmed = await gql<{ confirmMfaEnrollment: string[] }>(stack.routerUrl, 'mutation ($c: String!) { confirmMfaEnrollment(code: $c) }', { c: await codeAt(secret, 0) }, token);
  return { secret, recoveryCodes: confirmed.data!.confirmMfaEnrollment };
}

describe('TOTP multi-factor sign-in', () => {
  it('asks for a second factor after the password and accepts each code once', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const { secret, recoveryCodes } = await enroll(staff.email);
    expect(recoveryCodes).toHaveLength(10);
    const stored = await testPrisma().staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { mfaSecret: true } });
    expect(stored.mfaSecret).toMatch(/^enc:v1:/);
    expect(stored.mfaSecret).not.toContain(secret);

    const first = await gql<{ login: { mfaRequired: boolean; mfaToken: string; accessToken: string | null } }>(stack.routerUrl, LOGIN, { e: staff.email, p: TEST_PASSWORD });
    expect(first.data!.login).toMatchObject({ mfaRequired: true, accessToken: null, refreshToken: null });

    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { t: first.data!.login.mfaToken, c: '123456' }))).toBe('MFA_INVALID_CODE');
    const next = await codeAt(secret, 1);
    const done = await gql<{ completeMfaSignIn: { accessToken: string } }>(stack.routerUrl, COMPLETE, { t: first.data!.login.mfaToken, c: next });
    expect(done.errors).toBeUndefined();
    expect(codeOf(await gql(stack.routerUrl, '{ me { id } }', {}, done.data!.completeMfaSignIn.accessToken))).toBeUndefined();

    // The same code again (say, read over a shoulder) is refused.
    const second = await gql<{ login: { mfaToken: string } }>(stack.routerUrl, LOGIN, { e: staff.email, p: TEST_PASSWORD });
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { t: second.data!.login.mfaToken, c: next }))).toBe('MFA_INVALID_CODE');
    // A recovery code works, once.
    expect((await gql(stack.routerUrl, COMPLETE, { t: second.data!.login.mfaToken, c: recoveryCodes[0] })).errors).toBeUndefined();
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { t: second.data!.login.mfaToken, c: recoveryCodes[0] }))).toBe('MFA_INVALID_CODE');
  });

  it('locks the account after five wrong codes and refuses a forged challenge', async () => {
    const staff = await createTestStaff(await createTestPractice());
    await enroll(staff.email);
    const login = await gql<{ login: { mfaToken: string } }>(stack.routerUrl, LOGIN, { e: staff.email, p: TEST_PASSWORD });
    for (let i = 0; i < 4; i++) expect(codeOf(await gql(stack.routerUrl, COMPLETE, { t: login.data!.login.mfaToken, c: '000000' }))).toBe('MFA_INVALID_CODE');
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { t: login.data!.login.mfaToken, c: '000000' }))).toBe('ACCOUNT_LOCKED');
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { t: 'not.a.challenge', c: '000000' }))).toBe('UNAUTHENTICATED');
  });
});

describe('two-step verification required by the practice', () => {
  const LOGIN_ENROLL = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { mfaRequired mfaEnrollmentRequired mfaToken accessToken } }';
  const START = 'mutation ($t: String!) { startMfaEnrollmentAtSignIn(mfaToken: $t) { secret otpauthUri } }';
  const FINISH = 'mutation ($t: String!, $c: String!) { completeMfaEnrollmentAtSignIn(mfaToken: $t, code: $c) { accessToken refreshToken recoveryCodes user { id } } }';

  it('starts no session until the user enrols, then asks for codes at every sign-in', async () => {
    const staff = await createTestStaff(await createTestPractice(undefined, { staffMfaRequired: true }));
    const login = await gql(stack.routerUrl, LOGIN_ENROLL, { e: staff.email, p: TEST_PASSWORD });
    expect(login.data!.login).toMatchObject({ mfaRequired: false, mfaEnrollmentRequired: true, accessToken: null });
    const enrollToken = login.data!.login.mfaToken as string;
    // The enrolment token is not a second-factor challenge, and vice versa.
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { t: enrollToken, c: '123456' }))).toBe('UNAUTHENTICATED');

    const started = await gql(stack.routerUrl, START, { t: enrollToken });
    const secret = started.data!.startMfaEnrollmentAtSignIn.secret as string;
    expect(codeOf(await gql(stack.routerUrl, FINISH, { t: enrollToken, c: '000000' }))).toBe('MFA_INVALID_CODE');
    const finished = await gql(stack.routerUrl, FINISH, { t: enrollToken, c: await codeAt(secret, 0) });
    expect(finished.errors).toBeUndefined();
    expect(finished.data!.completeMfaEnrollmentAtSignIn).toMatchObject({ user: { id: staff.id } });
    expect(finished.data!.completeMfaEnrollmentAtSignIn.accessToken).toEqual(expect.any(String));
    expect(finished.data!.completeMfaEnrollmentAtSignIn.recoveryCodes).toHaveLength(10);
    const me = await gql(stack.routerUrl, '{ me { id } }', {}, finished.data!.completeMfaEnrollmentAtSignIn.accessToken);
    expect(me.data!.me.id).toBe(staff.id);

    // Enrolled: the next sign-in asks for a code, and the old enrolment token is spent.
    const next = await gql(stack.routerUrl, LOGIN_ENROLL, { e: staff.email, p: TEST_PASSWORD });
    expect(next.data!.login).toMatchObject({ mfaRequired: true, mfaEnrollmentRequired: false, accessToken: null });
    expect(codeOf(await gql(stack.routerUrl, START, { t: enrollToken }))).toBe('CONFLICT');
    const signedIn = await gql(stack.routerUrl, COMPLETE, { t: next.data!.login.mfaToken, c: await codeAt(secret, 1) });
    expect(signedIn.data!.completeMfaSignIn.accessToken).toEqual(expect.any(String));
  });

  it('refuses a forged or wrong-purpose enrolment token, and a wrong password gets no token at all', async () => {
    const staff = await createTestStaff(await createTestPractice(undefined, { staffMfaRequired: true }));
    const wrong = await gql(stack.routerUrl, LOGIN_ENROLL, { e: staff.email, p: 'Wrong-password-123!' });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(stack.routerUrl, START, { t: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' }))).toBe('UNAUTHENTICATED');
    const other = await createTestStaff(await createTestPractice());
    const enrolled = await enroll(other.email);
    const verifyToken = (await gql(stack.routerUrl, LOGIN_ENROLL, { e: other.email, p: TEST_PASSWORD })).data!.login.mfaToken;
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect(codeOf(await gql(stack.routerUrl, START, { t: verifyToken }))).toBe('UNAUTHENTICATED');
  });

  it('lets an admin turn the requirement on and off for the practice', async () => {
    const practice = await createTestPractice();
    const admin = await createTestStaff(practice, { roles: ['ADMIN'] });
    const clinician = await createTestStaff(practice);
    const SET = 'mutation ($r: Boolean!) { setStaffMfaRequired(required: $r) { staffMfaRequired } }';
    const adminToken = (await gql(stack.routerUrl, LOGIN, { e: admin.email, p: TEST_PASSWORD })).data!.login.accessToken;
    const clinicianToken = (await gql(stack.routerUrl, LOGIN, { e: clinician.email, p: TEST_PASSWORD })).data!.login.accessToken;
    expect(codeOf(await gql(stack.routerUrl, SET, { r: true }, clinicianToken))).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, SET, { r: true }, adminToken)).data!.setStaffMfaRequired.staffMfaRequired).toBe(true);
    expect((await gql(stack.routerUrl, LOGIN_ENROLL, { e: clinician.email, p: TEST_PASSWORD })).data!.login.mfaEnrollmentRequired).toBe(true);
    await gql(stack.routerUrl, SET, { r: false }, adminToken);
    expect((await gql(stack.routerUrl, LOGIN_ENROLL, { e: clinician.email, p: TEST_PASSWORD })).data!.login.accessToken).toEqual(expect.any(String));

    // Each change is on the practice's audit trail, under the admin's name.
    const changes = await testPrisma().auditEvent.findMany({ where: { practiceId: practice.id, entityType: 'Practice' }, select: { action: true, actorId: true, entityId: true } });
    expect(changes).toEqual([
      { action: 'UPDATE', actorId: admin.id, entityId: practice.id },
      { action: 'UPDATE', actorId: admin.id, entityId: practice.id },
    ]);
    // Nobody else's switch: without a token refused; another practice's admin changes only their own practice.
    expect(codeOf(await gql(stack.routerUrl, SET, { r: true }))).toBe('UNAUTHENTICATED');
    const otherAdmin = await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] });
    const otherToken = (await gql(stack.routerUrl, LOGIN, { e: otherAdmin.email, p: TEST_PASSWORD })).data!.login.accessToken;
    expect((await gql(stack.routerUrl, SET, { r: true }, otherToken)).data!.setStaffMfaRequired.staffMfaRequired).toBe(true);
    expect((await testPrisma().practice.findUniqueOrThrow({ where: { id: practice.id } })).staffMfaRequired).toBe(false);
  });

  it('still counts wrong passwords towards the lockout, and gives a locked account no enrolment token', async () => {
    const staff = await createTestStaff(await createTestPractice(undefined, { staffMfaRequired: true }));
    for (let attempt = 0; attempt < 4; attempt++) expect(codeOf(await gql(stack.routerUrl, LOGIN_ENROLL, { e: staff.email, p: 'Wrong-password-123!' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(stack.routerUrl, LOGIN_ENROLL, { e: staff.email, p: 'Wrong-password-123!' }))).toBe('ACCOUNT_LOCKED');
    const locked = await gql(stack.routerUrl, LOGIN_ENROLL, { e: staff.email, p: TEST_PASSWORD });
    expect(codeOf(locked)).toBe('ACCOUNT_LOCKED');
    expect(locked.data?.login ?? null).toBeNull();
  });

  it('refuses an expired enrolment token and one of a deactivated user', async () => {
    const staff = await createTestStaff(await createTestPractice(undefined, { staffMfaRequired: true }));
    const { jwtSecret } = loadConfig();
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(staff.id)
      .setIssuer('solace')
      .setAudience('solace-mfa-enroll')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 16 * 60)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(jwtSecret));
    expect(codeOf(await gql(stack.routerUrl, START, { t: expired }))).toBe('UNAUTHENTICATED');

    const token = (await gql(stack.routerUrl, LOGIN_ENROLL, { e: staff.email, p: TEST_PASSWORD })).data!.login.mfaToken as string;
    expect((await gql(stack.routerUrl, START, { t: token })).errors).toBeUndefined();
    await testPrisma().staffUser.update({ where: { id: staff.id }, data: { active: false } });
    expect(codeOf(await gql(stack.routerUrl, FINISH, { t: token, c: '123456' }))).toBe('UNAUTHENTICATED');
  });
});
