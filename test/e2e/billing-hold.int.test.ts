// The billing hold through the router: a session whose note is unsigned on the practice's hold day
// (14 by default) cannot be charged — BILLING_HOLD with the appointment, note and day count — and
// signing the note releases it; charges already made show the hold in billing's lists.
import { calendarDaysSince, GEORGIA_COMPLIANCE_RULES } from '@solace/workers';
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

const CHARGE = 'mutation ($id: ID!) { createCharge(appointmentId: $id, cptCode: "90837", amountCents: 15000) { id hold { reason days } } }';
const CHARGES = 'query ($clientId: ID!) { charges(clientId: $clientId) { id hold { reason appointmentId noteId days holdDay } } }';
const DAY = 86_400_000;
const TIME_ZONE = 'America/New_York';

async function sessionDaysAgo(days: number, rules?: { noteBillingHoldDay: number }) {
  const practice = await createTestPractice(undefined, { timeZone: TIME_ZONE });
  if (rules) await testPrisma().complianceRules.create({ data: { practiceId: practice.id, ...GEORGIA_COMPLIANCE_RULES, noteSupervisorAlertDay: rules.noteBillingHoldDay - 1, ...rules } });
  const clinician = await createTestStaff(practice);
  const billing = await createTestStaff(practice, { roles: ['BILLING'] });
  const client = await createTestClient(practice);
  const appointment = await createTestAppointment(practice, client, clinician, { startsAt: new Date(Date.now() - days * DAY), status: 'COMPLETED' });
  return { practice, clinician, billing, client, appointment, billingToken: await tokenFor(billing) };
}

const startNote = (s: Awaited<ReturnType<typeof sessionDaysAgo>>, status: 'DRAFT' | 'SIGNED' = 'DRAFT') =>
  testPrisma().clinicalNote.create({
    data: { practiceId: s.practice.id, appointmentId: s.appointment.id, clientId: s.client.id, authorId: s.clinician.id, serviceDate: s.appointment.startsAt, status, ...(status === 'SIGNED' ? { signedAt: new Date(), signedById: s.clinician.id } : {}) },
  });
const sign = (noteId: string, clinicianId: string) => testPrisma().clinicalNote.update({ where: { id: noteId }, data: { status: 'SIGNED', signedAt: new Date(), signedById: clinicianId } });

describe('the billing hold', () => {
  it('refuses to charge a session whose note is unsigned past day 14, and charges it once the note is signed', async () => {
    const s = await sessionDaysAgo(16);
    const note = await startNote(s);
    const days = calendarDaysSince(s.appointment.startsAt, new Date(), TIME_ZONE);
    const refused = await gql(stack.routerUrl, CHARGE, { id: s.appointment.id }, s.billingToken);
    expect(refused.data).toBeNull();
    expect(refused.errors![0]!.extensions).toEqual({ code: 'BILLING_HOLD', reason: 'NOTE_UNSIGNED', appointmentId: s.appointment.id, noteId: note.id, days, holdDay: 14 });
    expect(refused.errors![0]!.message).toContain(`unsigned ${days} days`);
    expect(await testPrisma().charge.count({ where: { appointmentId: s.appointment.id } })).toBe(0);

    await sign(note.id, s.clinician.id);
    const charged = await gql(stack.routerUrl, CHARGE, { id: s.appointment.id }, s.billingToken);
    expect(charged.errors).toBeUndefined();
    expect(charged.data!.createCharge.hold).toBeNull();
  });

  it('holds a session with no note at all, and not one within the hold days', async () => {
    const late = await sessionDaysAgo(15);
    const refused = await gql(stack.routerUrl, CHARGE, { id: late.appointment.id }, late.billingToken);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BILLING_HOLD', noteId: null, appointmentId: late.appointment.id });

    const recent = await sessionDaysAgo(10);
    const charged = await gql(stack.routerUrl, CHARGE, { id: recent.appointment.id }, recent.billingToken);
    expect(charged.errors).toBeUndefined();
  });

  it('uses the practice’s own hold day', async () => {
    const lenient = await sessionDaysAgo(16, { noteBillingHoldDay: 20 });
    expect((await gql(stack.routerUrl, CHARGE, { id: lenient.appointment.id }, lenient.billingToken)).errors).toBeUndefined();
  });

  it('shows the hold on a charge made in time whose note is still unsigned, and lifts it when the note is signed', async () => {
    const s = await sessionDaysAgo(3);
    const note = await startNote(s);
    const charged = await gql(stack.routerUrl, CHARGE, { id: s.appointment.id }, s.billingToken);
    expect(charged.errors).toBeUndefined();
    // Eleven days later the note is still a draft (the session moves back: the clock moves on).
    await testPrisma().appointment.update({ where: { id: s.appointment.id }, data: { startsAt: new Date(Date.now() - 15 * DAY), endsAt: new Date(Date.now() - 15 * DAY + 3_000_000) } });
    const listed = await gql(stack.routerUrl, CHARGES, { clientId: s.client.id }, s.billingToken);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.charges).toEqual([
      { id: charged.data!.createCharge.id, hold: { reason: 'NOTE_UNSIGNED', appointmentId: s.appointment.id, noteId: note.id, days: calendarDaysSince(new Date(Date.now() - 15 * DAY), new Date(), TIME_ZONE), holdDay: 14 } },
    ]);
    await sign(note.id, s.clinician.id);
    const released = await gql(stack.routerUrl, CHARGES, { clientId: s.client.id }, s.billingToken);
    expect(released.data!.charges[0].hold).toBeNull();
  });

  it('tells a stranger nothing: another practice gets NOT_FOUND, a role without charging FORBIDDEN', async () => {
    const s = await sessionDaysAgo(16);
    const other = await createTestPractice();
    const outsider = await createTestStaff(other, { roles: ['BILLING'] });
    const asOutsider = await gql(stack.routerUrl, CHARGE, { id: s.appointment.id }, await tokenFor(outsider));
    expect(asOutsider.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(asOutsider.errors![0]!.extensions!.days).toBeUndefined();
    const desk = await createTestStaff(s.practice, { roles: ['FRONT_DESK'] });
    const asDesk = await gql(stack.routerUrl, CHARGE, { id: s.appointment.id }, await tokenFor(desk));
    expect(asDesk.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
