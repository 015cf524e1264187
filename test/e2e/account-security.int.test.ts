// A signed-in staff member manages their own account: sessions, password and sign-in email.
import { createPrismaClient, createRedis, endSessionLiveness } from '@solace/server-kit';
import { createHash, randomUUID } from 'node:crypto';
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

describe('sessions: refusals', () => {
  const REVOKE = 'mutation ($id: ID!) { revokeSession(id: $id) }';

  it('leaves out a session that idled out, and a revoked session cannot be renewed', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const [laptop, phone, tablet] = [await signIn(staff.email), await signIn(staff.email), await signIn(staff.email)];
    const ids = async (token: string) => ((await gql(stack.routerUrl, SESSIONS, {}, token)).data!.mySessions as Array<{ id: string; current: boolean }>).map((s) => s.id);
    const [tabletId, phoneId] = await ids(tablet.accessToken);
    // The tablet was left alone past the idle timeout (its Redis liveness expired).
    const redis = createRedis(process.env.REDIS_URL!);
    await endSessionLiveness(redis, [tabletId!]);
    redis.disconnect();
    expect(await ids(laptop.accessToken)).toEqual([phoneId, expect.any(String)]);
    expect(await ids(laptop.accessToken)).not.toContain(tabletId);

    expect((await gql(stack.routerUrl, REVOKE, { id: phoneId }, laptop.accessToken)).data!.revokeSession).toBe(true);
    expect(errorOf(await gql(stack.routerUrl, 'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: phone.refreshToken }))?.code).toBe('UNAUTHENTICATED');
    // Already ended: there is nothing left to end.
    expect(errorOf(await gql(stack.routerUrl, REVOKE, { id: phoneId }, laptop.accessToken))?.code).toBe('NOT_FOUND');
  });

  it('refuses a session id from another practice, a made-up id and no token', async () => {
    const victim = await createTestStaff(await createTestPractice());
    const victimSession = await signIn(victim.email);
    const victimSessionId = (await gql(stack.routerUrl, SESSIONS, {}, victimSession.accessToken)).data!.mySessions[0].id;
    const intruder = await signIn((await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] })).email);
    expect(errorOf(await gql(stack.routerUrl, REVOKE, { id: victimSessionId }, intruder.accessToken))?.code).toBe('NOT_FOUND');
    expect(errorOf(await gql(stack.routerUrl, REVOKE, { id: randomUUID() }, intruder.accessToken))?.code).toBe('NOT_FOUND');
    expect(errorOf(await gql(stack.routerUrl, REVOKE, { id: victimSessionId }))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await gql(stack.routerUrl, SESSIONS))?.code).toBe('UNAUTHENTICATED');
    expect((await gql(stack.routerUrl, '{ me { id } }', {}, victimSession.accessToken)).data!.me.id).toBe(victim.id);
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

describe('changing the password: refusals', () => {
  const CHANGE = 'mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';

  it('counts wrong current passwords towards the lockout, and needs a session', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const { accessToken } = await signIn(staff.email);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(errorOf(await gql(stack.routerUrl, CHANGE, { c: `Guess-number-${attempt}-Xy!`, n: STRONG }, accessToken))?.reason).toBe('WRONG_PASSWORD');
    }
    expect(errorOf(await gql(stack.routerUrl, LOGIN, { e: staff.email, p: TEST_PASSWORD }))?.code).toBe('ACCOUNT_LOCKED');
    expect(errorOf(await gql(stack.routerUrl, CHANGE, { c: TEST_PASSWORD, n: STRONG }))?.code).toBe('UNAUTHENTICATED');
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

  it('refuses an expired link, a link replaced by a newer request, and a password link', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const { accessToken } = await signIn(staff.email);
    const [first, second] = [`first-${randomUUID()}@clinic.test`, `second-${randomUUID()}@clinic.test`];
    await gql(stack.routerUrl, REQUEST, { e: first, p: TEST_PASSWORD }, accessToken);
    const firstToken = tokenIn(await emailTo(first));
    await gql(stack.routerUrl, REQUEST, { e: second, p: TEST_PASSWORD }, accessToken);
    const secondToken = tokenIn(await emailTo(second));
    expect(errorOf(await gql(stack.routerUrl, CONFIRM, { t: firstToken }))?.code).toBe('INVALID_TOKEN');

    const hash = (token: string) => createHash('sha256').update(token).digest('hex');
    await testPrisma().passwordToken.updateMany({ where: { tokenHash: hash(secondToken) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(errorOf(await gql(stack.routerUrl, CONFIRM, { t: secondToken }))?.code).toBe('INVALID_TOKEN');

    const resetToken = randomUUID();
    await testPrisma().passwordToken.create({ data: { practiceId: staff.practiceId, userId: staff.id, purpose: 'RESET', tokenHash: hash(resetToken), expiresAt: new Date(Date.now() + 3600_000) } });
    expect(errorOf(await gql(stack.routerUrl, CONFIRM, { t: resetToken }))?.code).toBe('INVALID_TOKEN');
    expect((await testPrisma().staffUser.findFirstOrThrow({ where: { id: staff.id }, select: { email: true } })).email).toBe(staff.email);
  });
});
