// Supervisor ↔ supervisee links through the router: an admin records them, people see their own,
// and the rules (roles, one open link per pair, same practice) hold.
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

const LINK = 'mutation ($supervisorId: ID!, $superviseeId: ID!) { linkSupervisee(supervisorId: $supervisorId, superviseeId: $superviseeId) { id supervisor { displayName } supervisee { displayName } endedAt } }';
const LIST = 'query ($includeEnded: Boolean) { supervisionLinks(includeEnded: $includeEnded) { id supervisor { id } supervisee { id } endedAt } }';
const END = 'mutation ($id: ID!) { endSupervision(id: $id) { id endedAt } }';
const codes = (result: { errors?: Array<{ extensions?: { code?: string; reason?: unknown } }> }) => (result.errors ?? []).map((e) => e.extensions?.code);

async function clinic() {
  const practice = await createTestPractice();
  const admin = await createTestStaff(practice, { roles: ['ADMIN'] });
  const supervisor = await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'], displayName: 'Dr. Supervisor' });
  const associate = await createTestStaff(practice, { roles: ['CLINICIAN'], displayName: 'Associate' });
  const other = await createTestStaff(practice, { roles: ['CLINICIAN'], displayName: 'Other clinician' });
  const frontDesk = await createTestStaff(practice, { roles: ['FRONT_DESK'] });
  return { practice, admin, supervisor, associate, other, frontDesk, adminToken: await tokenFor(admin) };
}

describe('supervision links', () => {
  it('lets an admin link a supervisor to an associate, shows each person their own links, and ends it', async () => {
    const c = await clinic();
    const linked = await gql(stack.routerUrl, LINK, { supervisorId: c.supervisor.id, superviseeId: c.associate.id }, c.adminToken);
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkSupervisee).toMatchObject({ supervisor: { displayName: 'Dr. Supervisor' }, supervisee: { displayName: 'Associate' }, endedAt: null });
    const linkId = linked.data!.linkSupervisee.id as string;

    const seenBySupervisor = await gql(stack.routerUrl, LIST, {}, await tokenFor(c.supervisor));
    expect(seenBySupervisor.data!.supervisionLinks).toEqual([{ id: linkId, supervisor: { id: c.supervisor.id }, supervisee: { id: c.associate.id }, endedAt: null }]);
    expect((await gql(stack.routerUrl, LIST, {}, await tokenFor(c.associate))).data!.supervisionLinks).toHaveLength(1);
    expect((await gql(stack.routerUrl, LIST, {}, await tokenFor(c.other))).data!.supervisionLinks).toEqual([]);

    const ended = await gql(stack.routerUrl, END, { id: linkId }, c.adminToken);
    expect(ended.data!.endSupervision.endedAt).not.toBeNull();
    expect((await gql(stack.routerUrl, LIST, {}, c.adminToken)).data!.supervisionLinks).toEqual([]);
    expect((await gql(stack.routerUrl, LIST, { includeEnded: true }, c.adminToken)).data!.supervisionLinks).toHaveLength(1);
    expect(codes(await gql(stack.routerUrl, END, { id: linkId }, c.adminToken))).toEqual(['CONFLICT']);
    // Ended links do not block a new one for the same pair.
    expect((await gql(stack.routerUrl, LINK, { supervisorId: c.supervisor.id, superviseeId: c.associate.id }, c.adminToken)).errors).toBeUndefined();
  });

  it('refuses a duplicate link, a supervisor without the role, a non-clinician supervisee and self-supervision', async () => {
    const c = await clinic();
    const link = (supervisorId: string, superviseeId: string) => gql(stack.routerUrl, LINK, { supervisorId, superviseeId }, c.adminToken);
    expect((await link(c.supervisor.id, c.associate.id)).errors).toBeUndefined();
    expect(codes(await link(c.supervisor.id, c.associate.id))).toEqual(['CONFLICT']);
    expect(codes(await link(c.other.id, c.associate.id))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await link(c.supervisor.id, c.frontDesk.id))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await link(c.supervisor.id, c.supervisor.id))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses non-admins, and never links or ends across practices', async () => {
    const c = await clinic();
    const stranger = await clinic();
    const args = { supervisorId: c.supervisor.id, superviseeId: c.associate.id };
    expect(codes(await gql(stack.routerUrl, LINK, args, await tokenFor(c.supervisor)))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, LINK, args, await tokenFor(c.frontDesk)))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, LINK, args))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await gql(stack.routerUrl, LINK, args, stranger.adminToken))).toEqual(['NOT_FOUND']);
    const linked = await gql(stack.routerUrl, LINK, args, c.adminToken);
    expect(codes(await gql(stack.routerUrl, END, { id: linked.data!.linkSupervisee.id }, stranger.adminToken))).toEqual(['NOT_FOUND']);
    expect((await gql(stack.routerUrl, LIST, { includeEnded: true }, stranger.adminToken)).data!.supervisionLinks).toEqual([]);
  });
});
