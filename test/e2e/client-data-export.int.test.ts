// Data-subject export: one admin query gathers a client's records from every subgraph (patients,
// appointments, notes, billing, portal, identity), decrypted, and records the disclosure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const EXPORT = `query ($clientId: ID!) { exportClientData(clientId: $clientId) {
  clientId exportedAt client appointments waitlist clinicalNotes charges messageThreads portalAccount accessLog } }`;

async function clientWithHistory() {
  const practice = await createTestPractice();
  const admin = await createTestStaff(practice, { roles: ['ADMIN'] });
  const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const client = await createTestClient(practice, { firstName: 'Dana' });
  const visit = await createTestAppointment(practice, client, clinician, { startsAt: new Date(Date.now() - 3 * 86_400_000), status: 'COMPLETED' });
  const clinicianToken = await tokenFor(clinician);
  const call = async (query: string, variables: Record<string, unknown>) => {
    const result = await gql(stack.routerUrl, query, variables, clinicianToken);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  await call('mutation ($id: ID!) { createDraftNote(appointmentId: $id, body: "Discussed sleep; plan CBT-I.") { id } }', { id: visit.id });
  await call('mutation ($id: ID!) { createCharge(appointmentId: $id, cptCode: "90837", amountCents: 15000) { id } }', { id: visit.id });
  const thread = await call('mutation ($clientId: ID!) { startThread(clientId: $clientId, subject: "Homework") { id } }', { clientId: client.id });
  await call('mutation ($threadId: ID!) { sendMessage(threadId: $threadId, body: "Try the breathing exercise.") { id } }', { threadId: thread.startThread.id });
  const service = await testPrisma().service.create({ data: { practiceId: practice.id, name: 'Therapy', durationMinutes: 50, priceCents: 100 } });
  const waiting = await testPrisma().waitlistEntry.create({ data: { practiceId: practice.id, clientId: client.id, serviceId: service.id, preferredWeekdays: [2] } });
  return { practice, admin, clinician, client, visit, waiting, adminToken: await tokenFor(admin), clinicianToken };
}

describe('exportClientData', () => {
  it("returns every domain's records of the client as one document, decrypted, and audits the export", async () => {
    const c = await clientWithHistory();
    const result = await gql(stack.routerUrl, EXPORT, { clientId: c.client.id }, c.adminToken);
    expect(result.errors).toBeUndefined();
    const exported = result.data!.exportClientData;
    expect(exported.client).toMatchObject({ id: c.client.id, firstName: 'Dana', lastName: c.client.lastName, dateOfBirth: '1990-04-12', email: c.client.email });
    expect(exported.appointments).toEqual([expect.objectContaining({ id: c.visit.id, status: 'COMPLETED', clinicianId: c.clinician.id })]);
    expect(exported.waitlist).toEqual([expect.objectContaining({ id: c.waiting.id, preferredWeekdays: [2], status: 'ACTIVE', offers: [] })]);
    expect(exported.clinicalNotes).toEqual([expect.objectContaining({ appointmentId: c.visit.id, body: 'Discussed sleep; plan CBT-I.', status: 'DRAFT' })]);
    expect(exported.charges).toEqual([expect.objectContaining({ appointmentId: c.visit.id, cptCode: '90837', amountCents: 15000 })]);
    expect(exported.messageThreads).toEqual([
      expect.objectContaining({ subject: 'Homework', messages: [expect.objectContaining({ body: 'Try the breathing exercise.', senderId: c.clinician.id })] }),
    ]);
    expect(exported.portalAccount).toBeNull();
    expect(exported.accessLog.length).toBeGreaterThan(0);

    const exports = await testPrisma().auditEvent.findMany({ where: { practiceId: c.practice.id, action: 'EXPORT', actorId: c.admin.id }, select: { entityType: true, entityId: true } });
    expect(exports).toEqual(
      expect.arrayContaining([
        { entityType: 'Client', entityId: c.client.id },
        { entityType: 'Appointment', entityId: c.visit.id },
        { entityType: 'WaitlistEntry', entityId: c.waiting.id },
        { entityType: 'ClinicalNote', entityId: exported.clinicalNotes[0].id },
        { entityType: 'Charge', entityId: exported.charges[0].id },
        { entityType: 'Thread', entityId: exported.messageThreads[0].id },
      ]),
    );
  });

  it('is for admins of the practice only', async () => {
    const c = await clientWithHistory();
    const stranger = await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] });
    const codes = async (token?: string) => ((await gql(stack.routerUrl, EXPORT, { clientId: c.client.id }, token)).errors ?? []).map((e) => e.extensions?.code);
    expect(await codes(c.clinicianToken)).toContain('FORBIDDEN');
    expect(await codes()).toContain('UNAUTHENTICATED');
    expect(await codes(await tokenFor(stranger))).toEqual(['NOT_FOUND']);
  });
});
