// A signed-in staff member manages their own account: sessions, password and sign-in email.
import { createPrismaClient } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff, TEST_PASSWORD, testPrisma } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startMailboxWorker, type TestMailbox } from '../support/mailbox';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let mailbox: TestMailbox;
// The worker connects as the services do (row-level security applies to its jobs).
const appPrisma = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });

beforeAll(async () => {
  stack = await startStack();
  mailbox = await startMailboxWorker({ prisma: appPrisma, webUrl: 'https://app.solace.test' });
});
afterAll(async () => {
  await mailbox?.close();
  await stack?.stop();
  await appPrisma.$disconnect();
});

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken } }';
const SESSIONS = '{ mySessions { id current lastUsedAt userAgent } }';
const errorOf = (r: { errors?: Array<{ extensions?: { code?: string; reason?: unknown } }> }) => r.errors?.[0]?.extensions;
const STRONG = 'Amber-lantern-harbor-71';

async function signIn(email: string, password = TEST_PASSWORD) {
  const result = await gql(stack.routerUrl, LOGIN, { e: email, p: password });
  expect(result.errors).toBeUndefined();
  return result.data!.login as { accessToken: string; refreshToken: string };
}

const emailTo = async (address: string) => (await mailbox.emailsTo(address))[0]!;

describe('sessions', () => {
  it('lists your sessions, marks this one, and signs another out at once', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const laptop = await signIn(staff.email);
    const phone = await signIn(staff.email);
    await gql(stack.routerUrl, 'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: phone.refreshToken });

    const listed = (await gql(stack.routerUrl, SESSIONS, {}, laptop.accessToken)).data!.mySessions as Array<{ id: string; current: boolean; lastUsedAt: string | null }>;
    expect(listed).toHaveLength(2);
    const [current, other] = [listed.find((s) => s.current)!, listed.find((s) => !s.current)!];
    expect(other.lastUsedAt).not.toBeNull();

    expect((await gql(stack.routerUrl, 'mutation ($id: ID!) { revokeSession(id: $id) }', { id: other.id }, laptop.accessToken)).data!.revokeSession).toBe(true);
    expect(errorOf(await gql(stack.routerUrl, '{ me { id } }', {}, phone.accessToken))?.code).toBe('UNAUTHENTICATED');
    expect((await gql(stack.routerUrl, SESSIONS, {}, laptop.accessToken)).data!.mySessions.map((s: { id: string }) => s.id)).toEqual([current.id]);
  });

  it("refuses to end someone else's session", async () => {
    const practice = await createTestPractice();
    const [maya, sam] = [await createTestStaff(practice), await createTestStaff(practice)];
    const mayaSession = await signIn(maya.email);
    const mayaSessionId = (await gql(stack.routerUrl, SESSIONS, {}, mayaSession.accessToken)).data!.mySessions[0].id;
    const samToken = (await signIn(sam.email)).accessToken;
    expect(errorOf(await gql(stack.routerUrl, 'mutation ($id: ID!) { revokeSession(id: $id) }', { id: mayaSessionId }, samToken))?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, '{ me { id } }', {}, mayaSession.accessToken)).data!.me.id).toBe(maya.id);
  });
});

describe('changing the password', () => {
  const CHANGE = 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';

  it('needs the current password and the policy, keeps this session and ends the others', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const here = await signIn(staff.email);
    const elsewhere = await signIn(staff.email);
    expect(errorOf(await gql(stack.routerUrl, CHANGE, { c: 'Not-my-password-1!', n: STRONG }, here.accessToken))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_PASSWORD' });
    expect(errorOf(await gql(stack.routerUrl, CHANGE, { c: TEST_PASSWORD, n: 'password' }, here.accessToken))?.code).toBe('WEAK_PASSWORD');
    expect((await gql(stack.routerUrl, CHANGE, { c: TEST_PASSWORD, n: STRONG }, here.accessToken)).data!.changePassword).toBe(true);
    expect((await gql(stack.routerUrl, '{ me { id } }', {}, here.accessToken)).data!.me.id).toBe(staff.id);
    expect(errorOf(await gql(stack.routerUrl, '{ me { id } }', {}, elsewhere.accessToken))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await gql(stack.routerUrl, LOGIN, { e: staff.email, p: TEST_PASSWORD }))?.code).toBe('UNAUTHENTICATED');
    await signIn(staff.email, STRONG);
  });
});

describe('changing the sign-in email', () => {
  const REQUEST = 'mutation ($e: String!, $p: String!) { requestEmailChange(newEmail: $e, currentPassword: $p) }';
  const CONFIRM = 'mutation ($t: String!) { confirmEmailChange(token: $t) }';
  const tokenIn = (email: string) => /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(email)![1]!;

  it('changes it only when the new address confirms, once, and marks it verified', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const { accessToken } = await signIn(staff.email);
    const newEmail = `new-${randomUUID()}@clinic.test`;
    expect((await gql(stack.routerUrl, REQUEST, { e: newEmail.toUpperCase(), p: TEST_PASSWORD }, accessToken)).data!.requestEmailChange).toBe(true);
    const token = tokenIn(await emailTo(newEmail));
    // Until confirmed, nothing changed; the token is no password link.
    await signIn(staff.email);
    expect(errorOf(await gql(stack.routerUrl, 'mutation ($t: String!, $p: String!) { setPassword(token: $t, password: $p) }', { t: token, p: STRONG }))?.code).toBe('INVALID_TOKEN');

    expect((await gql(stack.routerUrl, CONFIRM, { t: token })).data!.confirmEmailChange).toBe(true);
    expect(errorOf(await gql(stack.routerUrl, CONFIRM, { t: token }))?.code).toBe('INVALID_TOKEN');
    await signIn(newEmail);
    const stored = await testPrisma().staffUser.findFirstOrThrow({ where: { id: staff.id }, select: { email: true, emailVerifiedAt: true } });
    expect(stored.email).toBe(newEmail);
    expect(stored.emailVerifiedAt).not.toBeNull();
  });

  it('refuses a wrong password, and an address someone in another practice took meanwhile', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const { accessToken } = await signIn(staff.email);
    const wanted = `wanted-${randomUUID()}@clinic.test`;
    expect(errorOf(await gql(stack.routerUrl, REQUEST, { e: wanted, p: 'Wrong-password-12!' }, accessToken))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_PASSWORD' });
    expect((await gql(stack.routerUrl, REQUEST, { e: wanted, p: TEST_PASSWORD }, accessToken)).data!.requestEmailChange).toBe(true);
    const token = tokenIn(await emailTo(wanted));
    await testPrisma().staffUser.update({ where: { id: (await createTestStaff(await createTestPractice())).id }, data: { email: wanted } });
    expect(errorOf(await gql(stack.routerUrl, CONFIRM, { t: token }))).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
    expect(errorOf(await gql(stack.routerUrl, REQUEST, { e: 'a@b.test', p: TEST_PASSWORD }))?.code).toBe('UNAUTHENTICATED');
  });
});
