// The public booking flow through the router, as a client on the practice's booking link uses it:
// page → free times → hold (10 minutes) → details → confirmation; and what staff see afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const PAGE = `query($practiceId: ID!) { onlineBookingPage(practiceId: $practiceId) { practiceName timeZone services { id name durationMinutes } clinicians { id displayName } } }`;
const SLOTS = `query($practiceId: ID!, $serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { onlineSlots(practiceId: $practiceId, serviceId: $serviceId, from: $from, to: $to) { clinicianId clinicianName startsAt endsAt } }`;
const HOLD = `mutation($practiceId: ID!, $serviceId: ID!, $clinicianId: ID!, $startsAt: DateTimeISO!, $replaces: String) { holdOnlineSlot(practiceId: $practiceId, serviceId: $serviceId, clinicianId: $clinicianId, startsAt: $startsAt, replacesHoldId: $replaces) { holdId expiresAt startsAt endsAt } }`;
const DETAILS = `mutation($holdId: String!, $details: OnlineBookingDetailsInput!) { submitOnlineBookingDetails(holdId: $holdId, details: $details) }`;
const CONFIRM = `mutation($holdId: String!) { confirmOnlineBooking(holdId: $holdId, modality: TELEHEALTH) { appointmentId startsAt serviceName clinicianName modality practiceName timeZone } }`;

async function bookablePractice() {
  const prisma = testPrisma();
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
  await prisma.workingHours.createMany({ data: [1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, clinicianId: clinician.id, weekday, startMinute: 9 * 60, endMinute: 17 * 60 })) });
  const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Individual therapy', durationMinutes: 50, priceCents: 15000, bookableOnline: true } });
  const hidden = await prisma.service.create({ data: { practiceId: practice.id, name: 'Couples (call us)', durationMinutes: 80, priceCents: 20000 } });
  return { practice, clinician, service, hidden };
}

const week = () => ({ from: new Date().toISOString(), to: new Date(Date.now() + 8 * 86_400_000).toISOString() });
const dana = { firstName: 'Dana', lastName: 'Whitfield', dateOfBirth: '1991-02-03', email: 'Dana.W@example.test', phone: '+1 404 555 0100' };

describe('online booking', () => {
  it('books a held time for a new client, once, and staff see it', async () => {
    const { practice, clinician, service, hidden } = await bookablePractice();
    const page = await gql(stack.routerUrl, PAGE, { practiceId: practice.id });
    expect(page.errors).toBeUndefined();
    expect(page.data!.onlineBookingPage).toMatchObject({ practiceName: practice.name, timeZone: 'America/New_York', services: [{ id: service.id, durationMinutes: 50 }], clinicians: [{ id: clinician.id, displayName: 'Dr. Maya Patel' }] });

    const slots = (await gql(stack.routerUrl, SLOTS, { practiceId: practice.id, serviceId: service.id, ...week() })).data!.onlineSlots as { startsAt: string; endsAt: string; clinicianName: string }[];
    expect(slots.length).toBeGreaterThan(20);
    for (const slot of slots) {
      expect(Date.parse(slot.startsAt)).toBeGreaterThanOrEqual(Date.now() + 24 * 3600_000 - 60_000); // minimum notice
      expect(Date.parse(slot.endsAt) - Date.parse(slot.startsAt)).toBe(50 * 60_000);
      expect(new Date(slot.startsAt).getUTCMinutes() % 30).toBe(0);
    }
    expect((await gql(stack.routerUrl, SLOTS, { practiceId: practice.id, serviceId: hidden.id, ...week() })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const chosen = slots[0]!;
    const held = await gql(stack.routerUrl, HOLD, { practiceId: practice.id, serviceId: service.id, clinicianId: clinician.id, startsAt: chosen.startsAt });
    expect(held.errors).toBeUndefined();
    const hold = held.data!.holdOnlineSlot as { holdId: string; expiresAt: string };
    expect(Date.parse(hold.expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);
    // Someone else on the page: the time is no longer offered, and holding it is refused.
    const again = await gql(stack.routerUrl, HOLD, { practiceId: practice.id, serviceId: service.id, clinicianId: clinician.id, startsAt: chosen.startsAt });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
    const after = (await gql(stack.routerUrl, SLOTS, { practiceId: practice.id, serviceId: service.id, ...week() })).data!.onlineSlots as { startsAt: string }[];
    expect(after.map((s) => s.startsAt)).not.toContain(chosen.startsAt);

    expect((await gql(stack.routerUrl, CONFIRM, { holdId: hold.holdId })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DETAILS_MISSING' });
    expect((await gql(stack.routerUrl, DETAILS, { holdId: hold.holdId, details: dana })).data!.submitOnlineBookingDetails).toBe(true);
    const confirmed = await gql(stack.routerUrl, CONFIRM, { holdId: hold.holdId });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data!.confirmOnlineBooking).toMatchObject({ startsAt: chosen.startsAt, serviceName: 'Individual therapy', clinicianName: 'Dr. Maya Patel', modality: 'TELEHEALTH', practiceName: practice.name });
    const retried = await gql(stack.routerUrl, CONFIRM, { holdId: hold.holdId });
    expect(retried.data!.confirmOnlineBooking.appointmentId).toBe(confirmed.data!.confirmOnlineBooking.appointmentId);

    const appointment = await testPrisma().appointment.findFirstOrThrow({ where: { id: confirmed.data!.confirmOnlineBooking.appointmentId } });
    expect(appointment).toMatchObject({ practiceId: practice.id, clinicianId: clinician.id, serviceId: service.id, bookedVia: 'ONLINE', modality: 'TELEHEALTH', status: 'SCHEDULED' });
    const client = await testPrisma().client.findFirstOrThrow({ where: { id: appointment.clientId } });
    expect(client).toMatchObject({ practiceId: practice.id, firstName: 'Dana', email: 'dana.w@example.test' });

    // The front desk's availability no longer offers that time either.
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    const staffSlots = await gql(stack.routerUrl, `query($serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availableSlots(serviceId: $serviceId, from: $from, to: $to) { startsAt clinician { id } } }`, { serviceId: service.id, ...week() }, desk);
    expect(staffSlots.errors).toBeUndefined();
    expect(staffSlots.data!.availableSlots.length).toBeGreaterThan(0);
    expect(staffSlots.data!.availableSlots.map((s: { startsAt: string }) => s.startsAt)).not.toContain(chosen.startsAt);
  });

  it('matches a returning client by email and date of birth, and lets a client change the held time', async () => {
    const { practice, clinician, service } = await bookablePractice();
    const slots = (await gql(stack.routerUrl, SLOTS, { practiceId: practice.id, serviceId: service.id, ...week() })).data!.onlineSlots as { startsAt: string }[];
    const book = async (startsAt: string, details = dana) => {
      const hold = (await gql(stack.routerUrl, HOLD, { practiceId: practice.id, serviceId: service.id, clinicianId: clinician.id, startsAt })).data!.holdOnlineSlot.holdId as string;
      await gql(stack.routerUrl, DETAILS, { holdId: hold, details });
      return (await gql(stack.routerUrl, CONFIRM, { holdId: hold })).data!.confirmOnlineBooking.appointmentId as string;
    };
    const first = await book(slots[0]!.startsAt);
    // Follow-up video visits need informed and telehealth consent on file (signed with the first visit's paperwork).
    const returning = await testPrisma().appointment.findFirstOrThrow({ where: { id: first } });
    await testPrisma().clientConsent.createMany({
      data: [
        { practiceId: practice.id, clientId: returning.clientId, kind: 'INFORMED_CONSENT', signedAt: new Date(), expiresAt: new Date(Date.now() + 365 * 86_400_000), signedByName: 'Dana Whitfield' },
        { practiceId: practice.id, clientId: returning.clientId, kind: 'TELEHEALTH', signedAt: new Date(), signedByName: 'Dana Whitfield' },
      ],
    });
    const second = await book(slots[4]!.startsAt, { ...dana, email: 'DANA.W@EXAMPLE.TEST' });
    const third = await book(slots[8]!.startsAt, { ...dana, dateOfBirth: '1991-02-04' });
    const clientOf = async (id: string) => (await testPrisma().appointment.findFirstOrThrow({ where: { id } })).clientId;
    expect(await clientOf(second)).toBe(await clientOf(first));
    expect(await clientOf(third)).not.toBe(await clientOf(first));

    const firstHold = (await gql(stack.routerUrl, HOLD, { practiceId: practice.id, serviceId: service.id, clinicianId: clinician.id, startsAt: slots[12]!.startsAt })).data!.holdOnlineSlot.holdId;
    // Choosing an overlapping time instead replaces the hold rather than colliding with it.
    const replaced = await gql(stack.routerUrl, HOLD, { practiceId: practice.id, serviceId: service.id, clinicianId: clinician.id, startsAt: slots[13]!.startsAt, replaces: firstHold });
    expect(replaced.errors).toBeUndefined();
    expect((await gql(stack.routerUrl, DETAILS, { holdId: firstHold, details: dana })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'HOLD_EXPIRED' });
  });

  it('refuses unknown links, made-up holds, bad details, and times outside the hours', async () => {
    const { practice, clinician, service } = await bookablePractice();
    expect((await gql(stack.routerUrl, PAGE, { practiceId: '00000000-0000-4000-8000-000000000000' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, CONFIRM, { holdId: 'x'.repeat(32) })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'HOLD_EXPIRED' });
    const sunday = new Date(Date.now() + 3 * 86_400_000);
    sunday.setUTCDate(sunday.getUTCDate() + ((7 - sunday.getUTCDay()) % 7));
    sunday.setUTCHours(15, 0, 0, 0);
    const closed = await gql(stack.routerUrl, HOLD, { practiceId: practice.id, serviceId: service.id, clinicianId: clinician.id, startsAt: sunday.toISOString() });
    expect(closed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
    const slots = (await gql(stack.routerUrl, SLOTS, { practiceId: practice.id, serviceId: service.id, ...week() })).data!.onlineSlots as { startsAt: string }[];
    const hold = (await gql(stack.routerUrl, HOLD, { practiceId: practice.id, serviceId: service.id, clinicianId: clinician.id, startsAt: slots[0]!.startsAt })).data!.holdOnlineSlot.holdId;
    const bad = await gql(stack.routerUrl, DETAILS, { holdId: hold, details: { ...dana, email: 'not-an-email' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Refused details create no client.
    expect(await testPrisma().client.count({ where: { practiceId: practice.id } })).toBe(0);
  });
});
