// Staff sign-in security through the router: brute force locks out, refresh tokens rotate and a
// reused one ends the session, logout and revoke-all end sessions at once, expired and idle
// tokens are refused.
import { createRedis, hashPassword, loadConfig, signAccessToken } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
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

const LOGIN = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken expiresAt } }';
const REFRESH = 'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
const ME = '{ me { id } }';

async function signIn(email: string, password = TEST_PASSWORD) {
  const result = await gql<{ login: { accessToken: string; refreshToken: string } }>(stack.routerUrl, LOGIN, { e: email, p: password });
  expect(result.errors).toBeUndefined();
  return result.data!.login;
}
const codeOf = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0]?.extensions?.code;

describe('staff sign-in', () => {
  it('locks the account for 15 minutes after five failed attempts, even for the right password', async () => {
    const staff = await createTestStaff(await createTestPractice());
    for (let i = 1; i <= 4; i++) expect(codeOf(await gql(stack.routerUrl, LOGIN, { e: staff.email, p: `wrong-${i}` }))).toBe('UNAUTHENTICATED');
    const fifth = await gql(stack.routerUrl, LOGIN, { e: staff.email, p: 'wrong-5' });
    expect(codeOf(fifth)).toBe('ACCOUNT_LOCKED');
    expect(codeOf(await gql(stack.routerUrl, LOGIN, { e: staff.email, p: TEST_PASSWORD }))).toBe('ACCOUNT_LOCKED');

    const { lockedUntil } = await testPrisma().staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { lockedUntil: true } });
    const minutes = (lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    // Fifteen minutes later (moved in the database): the right password works again.
    await testPrisma().staffUser.update({ where: { id: staff.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    await signIn(staff.email);
  });

  it('rotates refresh tokens and ends the session when a used one comes back', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const first = await signIn(staff.email);
    const second = await gql<{ refreshSession: { accessToken: string; refreshToken: string } }>(stack.routerUrl, REFRESH, { t: first.refreshToken });
    expect(second.errors).toBeUndefined();
    expect(second.data!.refreshSession.refreshToken).not.toBe(first.refreshToken);
    expect(codeOf(await gql(stack.routerUrl, ME, {}, second.data!.refreshSession.accessToken))).toBeUndefined();

    const replay = await gql(stack.routerUrl, REFRESH, { t: first.refreshToken });
    expect(replay.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REUSED' });
    // The whole family is revoked: the newest refresh token and the live access token stop working.
    expect(codeOf(await gql(stack.routerUrl, REFRESH, { t: second.data!.refreshSession.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(stack.routerUrl, ME, {}, second.data!.refreshSession.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('logout ends this session at once; revoke-all ends every session of the user', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const phone = await signIn(staff.email);
    const laptop = await signIn(staff.email);
    const tablet = await signIn(staff.email);

    expect((await gql(stack.routerUrl, 'mutation { logout }', {}, phone.accessToken)).data).toEqual({ logout: true });
    expect(codeOf(await gql(stack.routerUrl, ME, {}, phone.accessToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(stack.routerUrl, ME, {}, laptop.accessToken))).toBeUndefined();

    expect((await gql(stack.routerUrl, 'mutation { revokeAllSessions }', {}, laptop.accessToken)).data).toEqual({ revokeAllSessions: 2 });
    expect(codeOf(await gql(stack.routerUrl, ME, {}, tablet.accessToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(stack.routerUrl, REFRESH, { t: tablet.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired access token and a session idle for 15 minutes', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const expired = await signAccessToken({ sub: staff.id, practiceId: staff.practiceId, roles: ['CLINICIAN'], sid: randomUUID() }, loadConfig().jwtSecret, -60);
    const refused = await gql(stack.routerUrl, ME, {}, expired.token);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]).toMatchObject({ message: 'The access token has expired.', extensions: { code: 'UNAUTHENTICATED' } });

    const session = await signIn(staff.email);
    const { sid } = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString());
    const redis = createRedis(process.env.REDIS_URL!);
    await redis.del(`solace:session:${sid}`); // what 15 idle minutes do
    redis.disconnect();
    expect(codeOf(await gql(stack.routerUrl, ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
    const refresh = await gql(stack.routerUrl, REFRESH, { t: session.refreshToken });
    expect(refresh.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'IDLE_TIMEOUT' });
  });

  it('upgrades a legacy password hash to argon2id at sign-in', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const legacy = `scrypt$${salt.toString('base64url')}$${scryptSync(TEST_PASSWORD, salt, 32).toString('base64url')}`;
    await testPrisma().staffUser.update({ where: { id: staff.id }, data: { passwordHash: legacy } });
    await signIn(staff.email);
    const { passwordHash } = await testPrisma().staffUser.findUniqueOrThrow({ where: { id: staff.id }, select: { passwordHash: true } });
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(await hashPassword('x')).toMatch(/^\$argon2id\$/);
  });
});
