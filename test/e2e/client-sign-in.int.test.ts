// Clients sign in to the portal without a password: staff invite them, they ask for an emailed
// six-digit code or magic link (15 minutes, single use, five wrong codes burn it), and the request
// reveals nothing about which addresses have accounts. Client sessions rotate like staff sessions.
import { createRedis } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientSignInRateLimit } from '../../subgraphs/identity/src/client-account/client-sign-in.rate-limit';
import { createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startMailboxWorker, type TestMailbox } from '../support/mailbox';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let mailbox: TestMailbox;
const prisma = testPrisma();

beforeAll(async () => {
  // Every test shares 127.0.0.1: the per-IP limits would couple tests (and repeated runs), so they
  // are lifted here; the per-IP counter itself is tested below with addresses of its own.
  process.env.SOLACE_CLIENT_SIGN_IN_PER_IP = '1000000';
  process.env.SOLACE_CLIENT_SIGN_IN_ATTEMPTS_PER_IP = '1000000';
  stack = await startStack();
  mailbox = await startMailboxWorker({ prisma, webUrl: 'https://app.solace.test' });
});
afterAll(async () => {
  await mailbox?.close();
  await stack?.stop();
});

const emailsTo = (address: string, count = 1, having = '') => mailbox.emailsTo(address, count, having);
const codeIn = (email: string) => /^ {4}(\d{6})$/m.exec(email)![1]!;
const linkTokenIn = (email: string) => /portal\/verify\?token=([A-Za-z0-9_-]+)/.exec(email)![1]!;
const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code;

const REQUEST = 'mutation ($e: String!) { requestClientSignIn(email: $e) }';
const COMPLETE = 'mutation ($e: String!, $c: String!) { completeClientSignIn(email: $e, code: $c) { accessToken refreshToken expiresAt user { id } clientAccount { id clientId status practice { name } } } }';
const WITH_LINK = 'mutation ($t: String!) { completeClientSignInWithLink(token: $t) { accessToken refreshToken clientAccount { id clientId } } }';
const INVITE = 'mutation ($c: ID!, $e: String!) { inviteClientToPortal(clientId: $c, email: $e) { id clientId email status } }';

type Completed = { accessToken: string; refreshToken: string; user: null; clientAccount: { id: string; clientId: string; status: string; practice: { name: string } } };

/** A practice, a front-desk user's token, and a client invited to the portal (invitation email read). */
async function invitedClient() {
  const practice = await createTestPractice();
  const frontDesk = await createTestStaff(practice, { roles: ['FRONT_DESK'] });
  const staffToken = await tokenFor({ ...frontDesk, roles: ['FRONT_DESK'] });
  const email = `dana-${randomUUID()}@client.test`;
  const client = await createTestClient(practice, { email });
  const invited = await gql<{ inviteClientToPortal: { id: string; status: string; email: string } }>(stack.routerUrl, INVITE, { c: client.id, e: email.toUpperCase() }, staffToken);
  expect(invited.errors).toBeUndefined();
  expect(invited.data!.inviteClientToPortal).toMatchObject({ status: 'ACTIVE', email });
  const [invitation] = await emailsTo(email);
  return { practice, client, email, staffToken, invitation: invitation!, accountId: invited.data!.inviteClientToPortal.id };
}

const CODE_EMAIL = 'sign-in code';
/** Asks for a code and reads it from the `nth` sign-in email to the address. */
async function requestCode(email: string, nth: number): Promise<string> {
  const asked = await gql(stack.routerUrl, REQUEST, { e: email });
  expect(asked.data).toEqual({ requestClientSignIn: true });
  return codeIn((await emailsTo(email, nth, CODE_EMAIL))[nth - 1]!);
}
const nthCodeEmail = async (email: string, nth: number) => (await emailsTo(email, nth, CODE_EMAIL))[nth - 1]!;

describe('client sign-in', () => {
  it('invites a client, who signs in with the emailed code once; the code cannot be used again', async () => {
    const { practice, client, email, invitation, accountId } = await invitedClient();
    expect(invitation).toContain(`${practice.name} has invited you`);
    expect(invitation).toContain('https://app.solace.test/portal/verify?token=');

    const code = await requestCode(email, 1);
    const message = await nthCodeEmail(email, 1);
    expect(message).toContain(`Subject: Your ${practice.name} sign-in code: ${code}`);
    expect(message).toContain('expire in 15 minutes');
    // Only hashes are stored.
    const stored = await prisma.clientSignInToken.findMany({ where: { accountId }, select: { codeHash: true, linkTokenHash: true } });
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(stored)).not.toContain(linkTokenIn(message));

    const signedIn = await gql<{ completeClientSignIn: Completed }>(stack.routerUrl, COMPLETE, { e: email, c: code });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!.completeClientSignIn).toMatchObject({ user: null, clientAccount: { id: accountId, clientId: client.id, status: 'ACTIVE', practice: { name: practice.name } } });
    const session = await prisma.authSession.findFirstOrThrow({ where: { userId: accountId }, select: { subject: true } });
    expect(session.subject).toBe('CLIENT');
    const claims = JSON.parse(Buffer.from(signedIn.data!.completeClientSignIn.accessToken.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ sub: accountId, practiceId: practice.id, roles: ['CLIENT'], clientId: client.id });

    const me = await gql(stack.routerUrl, '{ portalMe { id clientId email lastSignInAt practice { name } } }', {}, signedIn.data!.completeClientSignIn.accessToken);
    expect(me.data!.portalMe).toMatchObject({ id: accountId, clientId: client.id, email, practice: { name: practice.name } });
    expect(me.data!.portalMe.lastSignInAt).not.toBeNull();

    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { e: email, c: code }))).toBe('INVALID_TOKEN');
  });

  it('signs in with the magic link once, and the invitation link too', async () => {
    const { email, invitation, accountId } = await invitedClient();
    const fromInvitation = await gql<{ completeClientSignInWithLink: Completed }>(stack.routerUrl, WITH_LINK, { t: linkTokenIn(invitation) });
    expect(fromInvitation.data!.completeClientSignInWithLink.clientAccount.id).toBe(accountId);

    await requestCode(email, 1);
    const token = linkTokenIn(await nthCodeEmail(email, 1));
    const first = await gql<{ completeClientSignInWithLink: Completed }>(stack.routerUrl, WITH_LINK, { t: token });
    expect(first.errors).toBeUndefined();
    expect(codeOf(await gql(stack.routerUrl, WITH_LINK, { t: token }))).toBe('INVALID_TOKEN');
    expect(codeOf(await gql(stack.routerUrl, WITH_LINK, { t: 'not-a-token' }))).toBe('INVALID_TOKEN');
  });

  it('refuses an expired code and link', async () => {
    const { email, accountId } = await invitedClient();
    const code = await requestCode(email, 1);
    const token = linkTokenIn(await nthCodeEmail(email, 1));
    await prisma.clientSignInToken.updateMany({ where: { accountId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { e: email, c: code }))).toBe('INVALID_TOKEN');
    expect(codeOf(await gql(stack.routerUrl, WITH_LINK, { t: token }))).toBe('INVALID_TOKEN');
  });

  it('burns a code after five wrong tries, even for the right code and its link', async () => {
    const { email } = await invitedClient();
    const code = await requestCode(email, 1);
    const token = linkTokenIn(await nthCodeEmail(email, 1));
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 5; attempt++) expect(codeOf(await gql(stack.routerUrl, COMPLETE, { e: email, c: wrong }))).toBe('INVALID_TOKEN');
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { e: email, c: code }))).toBe('INVALID_TOKEN');
    expect(codeOf(await gql(stack.routerUrl, WITH_LINK, { t: token }))).toBe('INVALID_TOKEN');
    // A new code works again, and replaces the old one.
    const next = await requestCode(email, 2);
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { e: email, c: next }))).toBeUndefined();
  });

  it('accepts the right code on the fifth try', async () => {
    const { email } = await invitedClient();
    const code = await requestCode(email, 1);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt++) await gql(stack.routerUrl, COMPLETE, { e: email, c: wrong });
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { e: email, c: code }))).toBeUndefined();
  });

  it('answers an unknown address exactly like a known one, and emails nobody', async () => {
    const { email } = await invitedClient();
    const known = await gql(stack.routerUrl, REQUEST, { e: email });
    const unknownAddress = `nobody-${randomUUID()}@client.test`;
    const unknown = await gql(stack.routerUrl, REQUEST, { e: unknownAddress });
    expect(unknown).toEqual(known);
    await nthCodeEmail(email, 1);
    expect((await readdir(mailbox.dir)).length).toBeGreaterThan(0);
    for (const name of await readdir(mailbox.dir)) expect(await readFile(join(mailbox.dir, name), 'utf8')).not.toContain(unknownAddress);
    // Completing for an unknown address fails the same way as a wrong code.
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { e: unknownAddress, c: '123456' }))).toBe('INVALID_TOKEN');
  });

  it('rate-limits sign-in emails per address (RATE_LIMITED), known or not', async () => {
    for (const email of [(await invitedClient()).email, `nobody-${randomUUID()}@client.test`]) {
      for (let i = 0; i < 5; i++) expect((await gql(stack.routerUrl, REQUEST, { e: email })).data).toEqual({ requestClientSignIn: true });
      const limited = await gql(stack.routerUrl, REQUEST, { e: email.toUpperCase() });
      expect(codeOf(limited)).toBe('RATE_LIMITED');
      expect(limited.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    }
  });

  it('rate-limits sign-in emails and code attempts per IP', async () => {
    const redis = createRedis(process.env.REDIS_URL!);
    try {
      const limits = new ClientSignInRateLimit(redis, { emailsPerAddress: 100, emailsPerIp: 3, attemptsPerIp: 2, windowSeconds: 60 });
      const ip = `test-${randomUUID()}`;
      for (let i = 0; i < 3; i++) await limits.emailRequested(`someone-${i}-${randomUUID()}@client.test`, ip);
      await expect(limits.emailRequested(`another-${randomUUID()}@client.test`, ip)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      await limits.emailRequested(`another-${randomUUID()}@client.test`, `test-${randomUUID()}`);
      await limits.attempted(ip);
      await limits.attempted(ip);
      await expect(limits.attempted(ip)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      redis.disconnect();
    }
  });

  it('rotates a client session on refresh, refuses a reused refresh token, and logs out', async () => {
    const { email, client } = await invitedClient();
    const first = (await gql<{ completeClientSignIn: Completed }>(stack.routerUrl, COMPLETE, { e: email, c: await requestCode(email, 1) })).data!.completeClientSignIn;
    const REFRESH = 'mutation ($r: String!) { refreshSession(refreshToken: $r) { accessToken refreshToken user { id } clientAccount { id clientId } } }';
    const renewed = await gql<{ refreshSession: Completed }>(stack.routerUrl, REFRESH, { r: first.refreshToken });
    expect(renewed.errors).toBeUndefined();
    expect(renewed.data!.refreshSession).toMatchObject({ user: null, clientAccount: { clientId: client.id } });
    expect(renewed.data!.refreshSession.refreshToken).not.toBe(first.refreshToken);
    const claims = JSON.parse(Buffer.from(renewed.data!.refreshSession.accessToken.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ roles: ['CLIENT'], clientId: client.id });
    expect(codeOf(await gql(stack.routerUrl, '{ portalMe { id } }', {}, renewed.data!.refreshSession.accessToken))).toBeUndefined();

    // The used token again: the whole session ends.
    expect(codeOf(await gql(stack.routerUrl, REFRESH, { r: first.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(stack.routerUrl, '{ portalMe { id } }', {}, renewed.data!.refreshSession.accessToken))).toBe('UNAUTHENTICATED');

    const again = (await gql<{ completeClientSignIn: Completed }>(stack.routerUrl, COMPLETE, { e: email, c: await requestCode(email, 2) })).data!.completeClientSignIn;
    expect((await gql(stack.routerUrl, 'mutation { logout }', {}, again.accessToken)).data).toEqual({ logout: true });
    expect(codeOf(await gql(stack.routerUrl, '{ portalMe { id } }', {}, again.accessToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(stack.routerUrl, REFRESH, { r: again.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('disabling portal access ends the sessions and stops sign-in; inviting again restores it', async () => {
    const { email, client, staffToken } = await invitedClient();
    const session = (await gql<{ completeClientSignIn: Completed }>(stack.routerUrl, COMPLETE, { e: email, c: await requestCode(email, 1) })).data!.completeClientSignIn;
    const seen = await gql(stack.routerUrl, 'query ($id: ID!) { client(id: $id) { portalAccount { status email lastSignInAt } } }', { id: client.id }, staffToken);
    expect(seen.data!.client.portalAccount).toMatchObject({ status: 'ACTIVE', email });
    expect(seen.data!.client.portalAccount.lastSignInAt).not.toBeNull();

    const disabled = await gql(stack.routerUrl, 'mutation ($c: ID!) { disableClientPortalAccess(clientId: $c) { status } }', { c: client.id }, staffToken);
    expect(disabled.data).toEqual({ disableClientPortalAccess: { status: 'DISABLED' } });
    expect(codeOf(await gql(stack.routerUrl, '{ portalMe { id } }', {}, session.accessToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(stack.routerUrl, 'mutation ($r: String!) { refreshSession(refreshToken: $r) { accessToken } }', { r: session.refreshToken }))).toBe('UNAUTHENTICATED');
    await gql(stack.routerUrl, REQUEST, { e: email });
    await new Promise((r) => setTimeout(r, 300));
    expect(await emailsTo(email)).toHaveLength(2); // the invitation and the first code: nothing new

    expect((await gql(stack.routerUrl, INVITE, { c: client.id, e: email }, staffToken)).data!.inviteClientToPortal.status).toBe('ACTIVE');
    await emailsTo(email, 3);
    expect(codeOf(await gql(stack.routerUrl, COMPLETE, { e: email, c: await requestCode(email, 2) }))).toBeUndefined();
  });

  it('refuses inviting with an email another client of the practice uses, and a client id of another practice', async () => {
    const { practice, email, client } = await invitedClient();
    const other = await createTestClient(practice);
    const admin = await tokenFor({ ...(await createTestStaff(practice, { roles: ['ADMIN'] })), roles: ['ADMIN'] });
    const taken = await gql(stack.routerUrl, INVITE, { c: other.id, e: email }, admin);
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });

    const elsewhere = await createTestPractice();
    const strangerToken = await tokenFor({ ...(await createTestStaff(elsewhere, { roles: ['ADMIN'] })), roles: ['ADMIN'] });
    expect(codeOf(await gql(stack.routerUrl, INVITE, { c: client.id, e: `x-${randomUUID()}@client.test` }, strangerToken))).toBe('NOT_FOUND');
    expect(codeOf(await gql(stack.routerUrl, 'mutation ($c: ID!) { disableClientPortalAccess(clientId: $c) { status } }', { c: client.id }, strangerToken))).toBe('NOT_FOUND');
    const account = await prisma.clientAccount.findUniqueOrThrow({ where: { clientId: client.id }, select: { active: true, practiceId: true } });
    expect(account).toEqual({ active: true, practiceId: practice.id });
  });

  it('refuses portal administration to billing staff and to clients', async () => {
    const { client, email } = await invitedClient();
    const practice = await prisma.practice.findFirstOrThrow({ where: { id: (await prisma.client.findUniqueOrThrow({ where: { id: client.id } })).practiceId } });
    const billing = await tokenFor({ ...(await createTestStaff(practice, { roles: ['BILLING'] })), roles: ['BILLING'] });
    expect(codeOf(await gql(stack.routerUrl, INVITE, { c: client.id, e: email }, billing))).toBe('FORBIDDEN');
    const clientToken = (await gql<{ completeClientSignIn: Completed }>(stack.routerUrl, COMPLETE, { e: email, c: await requestCode(email, 1) })).data!.completeClientSignIn.accessToken;
    expect(codeOf(await gql(stack.routerUrl, INVITE, { c: client.id, e: email }, clientToken))).toBe('FORBIDDEN');
    expect(codeOf(await gql(stack.routerUrl, 'mutation ($c: ID!) { disableClientPortalAccess(clientId: $c) { status } }', { c: client.id }, clientToken))).toBe('FORBIDDEN');
    expect(codeOf(await gql(stack.routerUrl, '{ portalMe { id } }'))).toBe('UNAUTHENTICATED');
  });
});
