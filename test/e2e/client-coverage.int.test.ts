// A client's insurance (primary and secondary, member ids encrypted at rest), guardians and consents
// through the router, the chart's consent summary, and the ClientBookingFacts view the appointments
// subgraph's booking rules read — with refusals for other practices, roles and anonymous callers.
import { createPrismaClient, runInPracticeScope, type PrismaClient } from '@solace/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let app: PrismaClient;
beforeAll(async () => {
  stack = await startStack();
  app = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
});
afterAll(async () => {
  await stack?.stop();
  await app?.$disconnect();
});

const INSURANCE = 'id rank payerName payerId memberId groupNumber subscriberRelationship subscriberName subscriberDateOfBirth effectiveOn terminatesOn';
const ADD_INSURANCE = `mutation($clientId: ID!, $input: ClientInsuranceInput!) { addClientInsurance(clientId: $clientId, input: $input) { ${INSURANCE} } }`;
const UPDATE_INSURANCE = `mutation($id: ID!, $input: ClientInsuranceInput!) { updateClientInsurance(id: $id, input: $input) { ${INSURANCE} } }`;
const REMOVE_INSURANCE = `mutation($id: ID!) { removeClientInsurance(id: $id) { id } }`;
const ADD_GUARDIAN = `mutation($clientId: ID!, $input: ClientGuardianInput!) { addClientGuardian(clientId: $clientId, input: $input) { id name relationship phone email isLegalGuardian } }`;
const ADD_CONSENT = `mutation($clientId: ID!, $input: ClientConsentInput!) { addClientConsent(clientId: $clientId, input: $input) { id kind signedAt expiresAt signedByName revokedAt state } }`;
const CHART = `query($id: ID!) { client(id: $id) { isMinor insurances { rank memberId } guardians { name isLegalGuardian } consents { kind state }
  consentStatus { informedConsent informedConsentExpiresAt telehealth guardian } } }`;
const aetna = { rank: 'PRIMARY', payerName: 'Aetna', payerId: '60054', memberId: 'w123456789', groupNumber: 'G-100' };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

async function deskWithClient(overrides: { dateOfBirth?: Date } = {}) {
  const practice = await createTestPractice();
  const token = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
  // No consents on file: these tests record them.
  const client = await createTestClient(practice, { consents: false, ...(overrides.dateOfBirth ? { dateOfBirth: overrides.dateOfBirth } : {}) });
  return { practice, token, client };
}

describe('client insurance', () => {
  it('keeps one primary and one secondary policy; the member id is encrypted at rest', async () => {
    const { token, client } = await deskWithClient();
    const primary = await gql(stack.routerUrl, ADD_INSURANCE, { clientId: client.id, input: aetna }, token);
    expect(primary.errors).toBeUndefined();
    expect(primary.data!.addClientInsurance).toMatchObject({ rank: 'PRIMARY', memberId: 'W123456789', subscriberRelationship: 'SELF', subscriberName: null });
    const stored = await testPrisma().clientInsurance.findFirstOrThrow({ where: { clientId: client.id } });
    expect(stored.memberId).toMatch(/^enc:v1:/);
    expect(stored.memberId).not.toContain('123456789');

    const second = await gql(stack.routerUrl, ADD_INSURANCE, { clientId: client.id, input: { ...aetna, memberId: 'X1' } }, token);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RANK_TAKEN' });

    const noSubscriber = await gql(stack.routerUrl, ADD_INSURANCE, { clientId: client.id, input: { rank: 'SECONDARY', payerName: 'Cigna', memberId: 'C-9', subscriberRelationship: 'SPOUSE' } }, token);
    expect(noSubscriber.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'subscriberName' }] });
    const spouse = { rank: 'SECONDARY', payerName: 'Cigna', memberId: 'C-9', subscriberRelationship: 'SPOUSE', subscriberName: 'Sam Doe', subscriberDateOfBirth: '1985-06-01', effectiveOn: '2026-01-01' };
    const secondary = await gql(stack.routerUrl, ADD_INSURANCE, { clientId: client.id, input: spouse }, token);
    expect(secondary.data!.addClientInsurance).toMatchObject({ subscriberName: 'Sam Doe', subscriberDateOfBirth: '1985-06-01', effectiveOn: '2026-01-01' });

    const backwards = await gql(stack.routerUrl, UPDATE_INSURANCE, { id: secondary.data!.addClientInsurance.id, input: { ...spouse, terminatesOn: '2025-12-31' } }, token);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'terminatesOn' }] });
    const ended = await gql(stack.routerUrl, UPDATE_INSURANCE, { id: secondary.data!.addClientInsurance.id, input: { ...spouse, terminatesOn: '2026-12-31' } }, token);
    expect(ended.data!.updateClientInsurance.terminatesOn).toBe('2026-12-31');

    const chart = await gql(stack.routerUrl, CHART, { id: client.id }, token);
    expect(chart.data!.client.insurances).toEqual([{ rank: 'PRIMARY', memberId: 'W123456789' }, { rank: 'SECONDARY', memberId: 'C-9' }]);
    const audited = await testPrisma().auditEvent.findMany({ where: { entityId: primary.data!.addClientInsurance.id }, select: { action: true, entityType: true } });
    expect(audited).toEqual(expect.arrayContaining([{ action: 'CREATE', entityType: 'ClientInsurance' }, { action: 'READ', entityType: 'ClientInsurance' }]));

    expect((await gql(stack.routerUrl, REMOVE_INSURANCE, { id: primary.data!.addClientInsurance.id }, token)).errors).toBeUndefined();
    expect((await gql(stack.routerUrl, CHART, { id: client.id }, token)).data!.client.insurances).toEqual([{ rank: 'SECONDARY', memberId: 'C-9' }]);
  });

  it("refuses another practice's client and policy, roles that may not write, and no token", async () => {
    const { practice, token, client } = await deskWithClient();
    const policy = (await gql(stack.routerUrl, ADD_INSURANCE, { clientId: client.id, input: aetna }, token)).data!.addClientInsurance;
    const stranger = await deskWithClient();
    expect((await gql(stack.routerUrl, ADD_INSURANCE, { clientId: client.id, input: { ...aetna, rank: 'SECONDARY' } }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, UPDATE_INSURANCE, { id: policy.id, input: { ...aetna, memberId: 'STOLEN' } }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, REMOVE_INSURANCE, { id: policy.id }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const supervisor = await tokenFor(await createTestStaff(practice, { roles: ['SUPERVISOR'] }));
    expect((await gql(stack.routerUrl, REMOVE_INSURANCE, { id: policy.id }, supervisor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, REMOVE_INSURANCE, { id: policy.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Billing keeps insurance, but not consents.
    const billing = await tokenFor(await createTestStaff(practice, { roles: ['BILLING'] }));
    expect((await gql(stack.routerUrl, UPDATE_INSURANCE, { id: policy.id, input: { ...aetna, groupNumber: 'G-200' } }, billing)).data!.updateClientInsurance.groupNumber).toBe('G-200');
    expect((await gql(stack.routerUrl, ADD_CONSENT, { clientId: client.id, input: { kind: 'TELEHEALTH', signedAt: new Date().toISOString(), signedByName: 'X' } }, billing)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await testPrisma().clientInsurance.count({ where: { clientId: client.id } })).toBe(1);
  });
});

describe('guardians and consents', () => {
  it('summarises consents for an adult: informed consent expiring, then missing once revoked; telehealth yes', async () => {
    const { token, client } = await deskWithClient();
    const empty = await gql(stack.routerUrl, CHART, { id: client.id }, token);
    expect(empty.data!.client).toMatchObject({ isMinor: false, consents: [], consentStatus: { informedConsent: 'MISSING', informedConsentExpiresAt: null, telehealth: false, guardian: 'NOT_NEEDED' } });

    const signedAt = daysAgo(350).toISOString();
    const informed = await gql(stack.routerUrl, ADD_CONSENT, { clientId: client.id, input: { kind: 'INFORMED_CONSENT', signedAt, signedByName: 'Dana Client' } }, token);
    expect(informed.errors).toBeUndefined();
    const expected = new Date(signedAt);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expect(informed.data!.addClientConsent).toMatchObject({ kind: 'INFORMED_CONSENT', expiresAt: expected.toISOString(), state: 'EXPIRING', revokedAt: null });
    await gql(stack.routerUrl, ADD_CONSENT, { clientId: client.id, input: { kind: 'TELEHEALTH', signedAt: daysAgo(1).toISOString(), signedByName: 'Dana Client' } }, token);

    const chart = await gql(stack.routerUrl, CHART, { id: client.id }, token);
    expect(chart.data!.client.consentStatus).toEqual({ informedConsent: 'EXPIRING', informedConsentExpiresAt: expected.toISOString(), telehealth: true, guardian: 'NOT_NEEDED' });

    const revoke = `mutation($id: ID!) { revokeClientConsent(id: $id) { state revokedAt } }`;
    const revoked = await gql(stack.routerUrl, revoke, { id: informed.data!.addClientConsent.id }, token);
    expect(revoked.data!.revokeClientConsent.state).toBe('REVOKED');
    // A second revocation keeps the first time.
    expect((await gql(stack.routerUrl, revoke, { id: informed.data!.addClientConsent.id }, token)).data!.revokeClientConsent.revokedAt).toBe(revoked.data!.revokeClientConsent.revokedAt);
    const after = await gql(stack.routerUrl, CHART, { id: client.id }, token);
    expect(after.data!.client.consentStatus.informedConsent).toBe('MISSING');
    expect(after.data!.client.consents).toEqual([{ kind: 'TELEHEALTH', state: 'CURRENT' }, { kind: 'INFORMED_CONSENT', state: 'REVOKED' }]);

    const future = await gql(stack.routerUrl, ADD_CONSENT, { clientId: client.id, input: { kind: 'TELEHEALTH', signedAt: new Date(Date.now() + 86_400_000).toISOString(), signedByName: 'X' } }, token);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'signedAt' }] });
  });

  it('a minor needs guardian consent; guardians are kept, legal guardians first', async () => {
    const tenYearsAgo = new Date();
    tenYearsAgo.setUTCFullYear(tenYearsAgo.getUTCFullYear() - 10);
    const { token, client } = await deskWithClient({ dateOfBirth: tenYearsAgo });
    await gql(stack.routerUrl, ADD_GUARDIAN, { clientId: client.id, input: { name: 'Aunt May', relationship: 'aunt' } }, token);
    const mother = await gql(stack.routerUrl, ADD_GUARDIAN, { clientId: client.id, input: { name: 'Maria Doe', relationship: 'mother', phone: '555 010 1000', email: 'Maria@Example.test', isLegalGuardian: true } }, token);
    expect(mother.data!.addClientGuardian).toMatchObject({ email: 'maria@example.test', isLegalGuardian: true });
    const badPhone = await gql(stack.routerUrl, ADD_GUARDIAN, { clientId: client.id, input: { name: 'X', relationship: 'y', phone: 'none' } }, token);
    expect(badPhone.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    let chart = await gql(stack.routerUrl, CHART, { id: client.id }, token);
    expect(chart.data!.client).toMatchObject({ isMinor: true, guardians: [{ name: 'Maria Doe', isLegalGuardian: true }, { name: 'Aunt May', isLegalGuardian: false }], consentStatus: { guardian: 'NO' } });
    await gql(stack.routerUrl, ADD_CONSENT, { clientId: client.id, input: { kind: 'GUARDIAN', signedAt: new Date().toISOString(), signedByName: 'Maria Doe' } }, token);
    chart = await gql(stack.routerUrl, CHART, { id: client.id }, token);
    expect(chart.data!.client.consentStatus.guardian).toBe('YES');

    const update = await gql(stack.routerUrl, `mutation($id: ID!, $input: ClientGuardianInput!) { updateClientGuardian(id: $id, input: $input) { relationship phone } }`, { id: mother.data!.addClientGuardian.id, input: { name: 'Maria Doe', relationship: 'parent', isLegalGuardian: true } }, token);
    expect(update.data!.updateClientGuardian).toEqual({ relationship: 'parent', phone: null });
    const stranger = await deskWithClient();
    const removeGuardian = `mutation($id: ID!) { removeClientGuardian(id: $id) { id } }`;
    expect((await gql(stack.routerUrl, removeGuardian, { id: mother.data!.addClientGuardian.id }, stranger.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, removeGuardian, { id: mother.data!.addClientGuardian.id }, token)).errors).toBeUndefined();
    expect(await testPrisma().clientGuardian.count({ where: { clientId: client.id } })).toBe(1);
  });

  it("is part of the client's data export: policies with member ids decrypted, guardians, consents", async () => {
    const { practice, token, client } = await deskWithClient();
    await gql(stack.routerUrl, ADD_INSURANCE, { clientId: client.id, input: aetna }, token);
    await gql(stack.routerUrl, ADD_GUARDIAN, { clientId: client.id, input: { name: 'Maria Doe', relationship: 'mother' } }, token);
    await gql(stack.routerUrl, ADD_CONSENT, { clientId: client.id, input: { kind: 'TELEHEALTH', signedAt: daysAgo(1).toISOString(), signedByName: 'Dana' } }, token);
    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    const exported = await gql(stack.routerUrl, `query($id: ID!) { exportClientData(clientId: $id) { insurances guardians consents documents } }`, { id: client.id }, admin);
    expect(exported.errors).toBeUndefined();
    expect(exported.data!.exportClientData).toMatchObject({
      insurances: [{ rank: 'PRIMARY', payerName: 'Aetna', memberId: 'W123456789' }],
      guardians: [{ name: 'Maria Doe', relationship: 'mother' }],
      consents: [{ kind: 'TELEHEALTH', signedByName: 'Dana' }],
      documents: [],
    });
  });

  it('ClientBookingFacts gives the booking rules consents and age, only within the caller’s practice', async () => {
    const { practice, token, client } = await deskWithClient();
    await gql(stack.routerUrl, ADD_CONSENT, { clientId: client.id, input: { kind: 'INFORMED_CONSENT', signedAt: daysAgo(10).toISOString(), signedByName: 'Dana' } }, token);
    await gql(stack.routerUrl, ADD_CONSENT, { clientId: client.id, input: { kind: 'TELEHEALTH', signedAt: daysAgo(10).toISOString(), signedByName: 'Dana' } }, token);
    const other = await deskWithClient();
    type Facts = { clientId: string; practiceId: string; dateOfBirth: Date; informedConsentExpiresAt: Date | null; hasTelehealthConsent: boolean; hasGuardianConsent: boolean };
    const read = () => app.$queryRaw<Facts[]>`select * from "ClientBookingFacts" where "clientId" in (${client.id}::uuid, ${other.client.id}::uuid)`;
    const facts = await runInPracticeScope(practice.id, read);
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ clientId: client.id, practiceId: practice.id, hasTelehealthConsent: true, hasGuardianConsent: false });
    expect(facts[0]!.informedConsentExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    expect(await read()).toEqual([]);
    await expect(runInPracticeScope(practice.id, () => app.$executeRaw`update "ClientBookingFacts" set "dateOfBirth" = now() where "clientId" = ${client.id}::uuid`)).rejects.toThrow(/permission denied/);
  });
});
