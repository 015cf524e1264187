// Appointment.charge (billing) for the calendar's payment colours: a week of appointments names its
// charges through the router; roles that do not see charges get null, never another practice's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const WEEK = 'query ($from: DateTimeISO!, $to: DateTimeISO!) { appointments(from: $from, to: $to) { id status charge { cptCode amountCents } } }';
const ONE = 'query ($id: ID!) { appointment(id: $id) { id charge { id } } }';

async function practiceWithVisits() {
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice);
  const client = await createTestClient(practice);
  const start = new Date(Date.now() - 3 * 86_400_000);
  const charged = await createTestAppointment(practice, client, clinician, { startsAt: start, status: 'COMPLETED' });
  const notYet = await createTestAppointment(practice, client, clinician, { startsAt: new Date(start.getTime() + 2 * 3600_000), status: 'COMPLETED' });
  const charge = await gql(stack.routerUrl, 'mutation ($id: ID!) { createCharge(appointmentId: $id, cptCode: "90837", amountCents: 15000) { id } }', { id: charged.id }, await tokenFor(clinician));
  expect(charge.errors).toBeUndefined();
  const range = { from: new Date(start.getTime() - 3600_000).toISOString(), to: new Date(start.getTime() + 86_400_000).toISOString() };
  return { practice, clinician, charged, notYet, range };
}

describe('Appointment.charge', () => {
  it('names the charge of each appointment in a range for the desk, and null when not charged yet', async () => {
    const p = await practiceWithVisits();
    const desk = await createTestStaff(p.practice, { roles: ['FRONT_DESK'] });
    const result = await gql(stack.routerUrl, WEEK, p.range, await tokenFor(desk));
    expect(result.errors).toBeUndefined();
    expect(result.data!.appointments).toEqual([
      { id: p.charged.id, status: 'COMPLETED', charge: { cptCode: '90837', amountCents: 15000 } },
      { id: p.notYet.id, status: 'COMPLETED', charge: null },
    ]);
  });

  it('gives null to roles that do not see charges, and nothing to strangers', async () => {
    const p = await practiceWithVisits();
    const supervisor = await createTestStaff(p.practice, { roles: ['SUPERVISOR'] });
    const asSupervisor = await gql(stack.routerUrl, WEEK, p.range, await tokenFor(supervisor));
    expect(asSupervisor.errors).toBeUndefined();
    expect(asSupervisor.data!.appointments.map((a: { charge: unknown }) => a.charge)).toEqual([null, null]);

    const noToken = await gql(stack.routerUrl, ONE, { id: p.charged.id });
    expect(noToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(noToken.data?.appointment ?? null).toBeNull();

    const stranger = await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] });
    const asStranger = await gql(stack.routerUrl, ONE, { id: p.charged.id }, await tokenFor(stranger));
    expect(asStranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const strangersWeek = await gql(stack.routerUrl, WEEK, p.range, await tokenFor(stranger));
    expect(strangersWeek.data!.appointments.filter((a: { id: string }) => a.id === p.charged.id)).toEqual([]);
  });
});
