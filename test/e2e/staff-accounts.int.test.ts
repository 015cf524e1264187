// Admins invite, re-role and deactivate staff; invitations and resets arrive by email as
// single-use links; new passwords must meet the policy and end old sessions.
import { createPrismaClient } from '@solace/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff, TEST_PASSWORD } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startMailboxWorker, type TestMailbox } from '../support/mailbox';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let mailbox: TestMailbox;
const prisma = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 2 });

beforeAll(async () => {
  stack = await startStack();
  mailbox = await startMailboxWorker({ prisma, webUrl: 'https://app.solace.test' });
});
afterAll(async () => {
  await mailbox?.close();
  await stack?.stop();
  await prisma.$disconnect();
});

const emailTo = async (address: string) => (await mailbox.emailsTo(address))[0]!;
const tokenIn = (email: string) => /set-password\?token=([A-Za-z0-9_-]+)/.exec(email)![1]!;

async function login(email: string, password = TEST_PASSWORD) {
  return gql<{ login: { accessToken: string } }>(stack.routerUrl, 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: email, p: password });
}
const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code;
const STRONG = 'Quiet-river-stone-58';

describe('staff accounts', () => {
  it('invites a clinician who chooses a policy-compliant password through the emailed link', async () => {
    const practice = await createTestPractice();
    const admin = await createTestStaff(practice, { roles: ['ADMIN'] });
    const adminToken = (await login(admin.email)).data!.login.accessToken;
    const email = `new-${Date.now()}@clinic.test`;
    const invited = await gql<{ inviteStaff: { id: string; roles: string[] } }>(
      stack.routerUrl,
      'mutation ($i: InviteStaffInput!) { inviteStaff(input: $i) { id roles } }',
      { i: { email, displayName: 'Jordan Lee', roles: ['CLINICIAN'] } },
      adminToken,
    );
    expect(invited.data!.inviteStaff.roles).toEqual(['CLINICIAN']);
    expect(codeOf(await login(email, 'anything-at-all'))).toBe('UNAUTHENTICATED');

    const message = await emailTo(email);
    expect(message).toContain('invited to');
    const token = tokenIn(message);
    const weak = await gql(stack.routerUrl, 'mutation ($t: String!, $p: String!) { setPassword(token: $t, password: $p) }', { t: token, p: 'password123' });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'WEAK_PASSWORD', problems: expect.arrayContaining(['Use at least 12 characters.']) });

    expect((await gql(stack.routerUrl, 'mutation ($t: String!, $p: String!) { setPassword(token: $t, password: $p) }', { t: token, p: STRONG })).data).toEqual({ setPassword: true });
    expect(codeOf(await login(email, STRONG))).toBeUndefined();
    // Using the emailed link proved the address.
    expect((await prisma.staffUser.findFirstOrThrow({ where: { email }, select: { emailVerifiedAt: true } })).emailVerifiedAt).not.toBeNull();
    const again = await gql(stack.routerUrl, 'mutation ($t: String!, $p: String!) { setPassword(token: $t, password: $p) }', { t: token, p: 'Another-river-stone-59' });
    expect(codeOf(again)).toBe('INVALID_TOKEN');

    const taken = await gql(stack.routerUrl, 'mutation ($i: InviteStaffInput!) { inviteStaff(input: $i) { id } }', { i: { email, displayName: 'Again', roles: ['CLINICIAN'] } }, adminToken);
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
  });

  it('resets a forgotten password without revealing which emails exist, and ends old sessions', async () => {
    const staff = await createTestStaff(await createTestPractice());
    const oldSession = (await login(staff.email)).data!.login.accessToken;
    const unknown = await gql(stack.routerUrl, 'mutation { requestPasswordReset(email: "nobody-here@clinic.test") }');
    expect(unknown.data).toEqual({ requestPasswordReset: true });
    expect((await gql(stack.routerUrl, 'mutation ($e: String!) { requestPasswordReset(email: $e) }', { e: staff.email })).data).toEqual({ requestPasswordReset: true });

    const token = tokenIn(await emailTo(staff.email));
    expect((await gql(stack.routerUrl, 'mutation ($t: String!, $p: String!) { setPassword(token: $t, password: $p) }', { t: token, p: STRONG })).data).toEqual({ setPassword: true });
    expect(codeOf(await gql(stack.routerUrl, '{ me { id } }', {}, oldSession))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(staff.email))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(staff.email, STRONG))).toBeUndefined();
  });

  it('changes roles and deactivates, but never leaves a practice without an admin', async () => {
    const practice = await createTestPractice();
    const admin = await createTestStaff(practice, { roles: ['ADMIN'] });
    const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    const adminToken = (await login(admin.email)).data!.login.accessToken;
    const clinicianToken = (await login(clinician.email)).data!.login.accessToken;

    const lastAdmin = await gql(stack.routerUrl, 'mutation ($id: ID!) { changeStaffRoles(id: $id, roles: [CLINICIAN]) { id } }', { id: admin.id }, adminToken);
    expect(lastAdmin.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
    const self = await gql(stack.routerUrl, 'mutation ($id: ID!) { deactivateStaff(id: $id) { id } }', { id: admin.id }, adminToken);
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SELF' });

    const promoted = await gql(stack.routerUrl, 'mutation ($id: ID!) { changeStaffRoles(id: $id, roles: [CLINICIAN, SUPERVISOR]) { roles } }', { id: clinician.id }, adminToken);
    expect(promoted.data).toEqual({ changeStaffRoles: { roles: ['CLINICIAN', 'SUPERVISOR'] } });
    expect(codeOf(await gql(stack.routerUrl, '{ me { id } }', {}, clinicianToken))).toBe('UNAUTHENTICATED');

    expect((await gql(stack.routerUrl, 'mutation ($id: ID!) { deactivateStaff(id: $id) { id } }', { id: clinician.id }, adminToken)).errors).toBeUndefined();
    expect(codeOf(await login(clinician.email))).toBe('UNAUTHENTICATED');
  });
});
