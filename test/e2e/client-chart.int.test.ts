// The chart timeline's federated half: clientAppointments (appointments subgraph) brings each
// appointment's note (notes) and charge (billing) in one router query, latest first, only within
// the caller's practice.
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

const TIMELINE = `query($clientId: ID!, $limit: Int) { clientAppointments(clientId: $clientId, limit: $limit) { id startsAt status note { id status } charge { id amountCents } } }`;
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000);

describe('clientAppointments', () => {
  it("gives a client's appointments latest first, with their note and charge through the router", async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    const client = await createTestClient(practice);
    const past = await createTestAppointment(practice, client, clinician, { startsAt: hoursFromNow(-72), status: 'COMPLETED' });
    const earlier = await createTestAppointment(practice, client, clinician, { startsAt: hoursFromNow(-240), status: 'NO_SHOW' });
    const next = await createTestAppointment(practice, client, clinician, { startsAt: hoursFromNow(48) });
    const other = await createTestClient(practice);
    await createTestAppointment(practice, other, clinician, { startsAt: hoursFromNow(24) });
    const note = await testPrisma().clinicalNote.create({ data: { practiceId: practice.id, appointmentId: past.id, clientId: past.clientId, serviceDate: past.startsAt, authorId: clinician.id, body: 'Session notes' } });
    const charge = await testPrisma().charge.create({ data: { practiceId: practice.id, appointmentId: past.id, clientId: client.id, cptCode: '90837', amountCents: 15000 } });

    const token = await tokenFor(clinician);
    const result = await gql(stack.routerUrl, TIMELINE, { clientId: client.id }, token);
    expect(result.errors).toBeUndefined();
    const timeline = result.data!.clientAppointments as Array<{ id: string; note: { id: string } | null; charge: { amountCents: number } | null }>;
    expect(timeline.map((a) => a.id)).toEqual([next.id, past.id, earlier.id]);
    expect(timeline[1]).toMatchObject({ note: { id: note.id }, charge: { id: charge.id, amountCents: 15000 } });
    expect(timeline[0]).toMatchObject({ note: null, charge: null });
    expect((await gql(stack.routerUrl, TIMELINE, { clientId: client.id, limit: 1 }, token)).data!.clientAppointments).toHaveLength(1);

    const events = await testPrisma().auditEvent.findMany({ where: { practiceId: practice.id, entityId: next.id }, select: { action: true, entityType: true } });
    expect(events).toContainEqual({ action: 'READ', entityType: 'Appointment' });
  });

  it("shows another practice nothing, and refuses portal clients and anonymous callers", async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice);
    const client = await createTestClient(practice);
    await createTestAppointment(practice, client, clinician);
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] }));
    expect((await gql(stack.routerUrl, TIMELINE, { clientId: client.id }, stranger)).data!.clientAppointments).toEqual([]);
    expect((await gql(stack.routerUrl, TIMELINE, { clientId: client.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const portal = await tokenFor({ id: '00000000-0000-4000-8000-0000000000c2', practiceId: practice.id, roles: ['CLIENT'], clientId: client.id });
    expect((await gql(stack.routerUrl, TIMELINE, { clientId: client.id }, portal)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
