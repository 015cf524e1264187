// An appointment's reminder delivery log through the router: readable by staff who may read the
// appointment, never by another practice or a portal client.
import { randomUUID } from 'node:crypto';
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

const LOG = 'query ($id: ID!) { appointment(id: $id) { id reminderDeliveries { channel offsetMinutes appointmentStartsAt status reason errorCode providerCode providerMessageId attemptedAt } } }';

async function appointmentWithLog() {
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice);
  const appointment = await createTestAppointment(practice, await createTestClient(practice), clinician, { startsAt: new Date('2030-06-03T15:00:00Z') });
  const base = { practiceId: practice.id, appointmentId: appointment.id, offsetMinutes: 120, appointmentStartsAt: appointment.startsAt };
  await testPrisma().reminderDelivery.createMany({
    data: [
      { ...base, channel: 'EMAIL', status: 'SENT', providerMessageId: 'msg-1', attemptedAt: new Date('2030-06-03T13:00:00Z') },
      { ...base, channel: 'SMS', status: 'FAILED', reason: 'Twilio 400 (21211): Invalid number', errorCode: 'INVALID_NUMBER', providerCode: '21211', attemptedAt: new Date('2030-06-03T13:00:01Z') },
    ],
  });
  return { practice, appointment };
}

describe('Appointment.reminderDeliveries', () => {
  it('lists every attempt, oldest first, to staff who may read the appointment', async () => {
    const { practice, appointment } = await appointmentWithLog();
    for (const role of ['FRONT_DESK', 'CLINICIAN', 'ADMIN'] as const) {
      const result = await gql(stack.routerUrl, LOG, { id: appointment.id }, await tokenFor(await createTestStaff(practice, { roles: [role] })));
      expect(result.errors, role).toBeUndefined();
      expect(result.data!.appointment.reminderDeliveries).toEqual([
        { channel: 'EMAIL', offsetMinutes: 120, appointmentStartsAt: '2030-06-03T15:00:00.000Z', status: 'SENT', reason: null, errorCode: null, providerCode: null, providerMessageId: 'msg-1', attemptedAt: '2030-06-03T13:00:00.000Z' },
        { channel: 'SMS', offsetMinutes: 120, appointmentStartsAt: '2030-06-03T15:00:00.000Z', status: 'FAILED', reason: 'Twilio 400 (21211): Invalid number', errorCode: 'INVALID_NUMBER', providerCode: '21211', providerMessageId: null, attemptedAt: '2030-06-03T13:00:01.000Z' },
      ]);
    }
  });

  it('shows nothing to another practice, a portal client or no one signed in', async () => {
    const { appointment } = await appointmentWithLog();
    const stranger = await createTestPractice();
    const strangerResult = await gql(stack.routerUrl, LOG, { id: appointment.id }, await tokenFor(await createTestStaff(stranger, { roles: ['ADMIN'] })));
    expect(strangerResult.data?.appointment ?? null).toBeNull();
    expect(JSON.stringify(strangerResult)).not.toContain('msg-1');

    const portalClient = await tokenFor({ id: randomUUID(), practiceId: appointment.practiceId, roles: ['CLIENT'], clientId: appointment.clientId });
    const clientResult = await gql(stack.routerUrl, LOG, { id: appointment.id }, portalClient);
    expect(clientResult.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(clientResult)).not.toContain('msg-1');
    expect((await gql(stack.routerUrl, LOG, { id: appointment.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
