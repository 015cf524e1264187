// Availability grouped by clinician through the router: the staff query and the public booking
// page's query answer the same times as their flat twins, and refuse exactly what those refuse
// (no token, a portal client, another practice's staff, another practice's booking link).
import { randomUUID } from 'node:crypto';
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

const STAFF_FLAT = `query($serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availableSlots(serviceId: $serviceId, from: $from, to: $to) { startsAt endsAt clinician { id } } }`;
const STAFF_GROUPED = `query($serviceId: ID!, $clinicianId: ID, $from: DateTimeISO!, $to: DateTimeISO!) { availabilityByClinician(serviceId: $serviceId, clinicianId: $clinicianId, from: $from, to: $to) { clinician { id displayName } durationMinutes starts } }`;
const ONLINE_FLAT = `query($practiceId: ID!, $serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { onlineSlots(practiceId: $practiceId, serviceId: $serviceId, from: $from, to: $to) { clinicianId clinicianName startsAt endsAt } }`;
const ONLINE_GROUPED = `query($practiceId: ID!, $serviceId: ID!, $clinicianId: ID, $from: DateTimeISO!, $to: DateTimeISO!) { onlineAvailabilityByClinician(practiceId: $practiceId, serviceId: $serviceId, clinicianId: $clinicianId, from: $from, to: $to) { clinician { id displayName } durationMinutes starts } }`;

interface Group {
  clinician: { id: string; displayName: string };
  durationMinutes: number;
  starts: string[];
}

async function practiceWithTwoClinicians() {
  const prisma = testPrisma();
  const practice = await createTestPractice();
  const maya = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
  const ravi = await createTestStaff(practice, { displayName: 'Ravi Shah, LCSW' });
  await prisma.workingHours.createMany({
    data: [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, clinicianId: maya.id, weekday, startMinute: 9 * 60, endMinute: 17 * 60 })),
      ...[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, clinicianId: ravi.id, weekday, startMinute: 13 * 60, endMinute: 19 * 60 })),
    ],
  });
  const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Individual therapy', durationMinutes: 50, priceCents: 15000, bookableOnline: true } });
  const hidden = await prisma.service.create({ data: { practiceId: practice.id, name: 'Couples (call us)', durationMinutes: 80, priceCents: 20000 } });
  return { practice, maya, ravi, service, hidden };
}

const range = () => ({ from: new Date().toISOString(), to: new Date(Date.now() + 10 * 86_400_000).toISOString() });
/** Grouped answer as sorted "clinician start end" lines, comparable with the flat one. */
const lines = (groups: Group[]) =>
  groups.flatMap((g) => g.starts.map((s) => `${g.clinician.id} ${s} ${new Date(Date.parse(s) + g.durationMinutes * 60_000).toISOString()}`)).sort();

describe('availability by clinician through the router', () => {
  it('gives staff the same slots as availableSlots, grouped, with names from identity', async () => {
    const { practice, maya, ravi, service } = await practiceWithTwoClinicians();
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    const variables = { serviceId: service.id, ...range() };
    const flat = await gql(stack.routerUrl, STAFF_FLAT, variables, desk);
    const grouped = await gql(stack.routerUrl, STAFF_GROUPED, variables, desk);
    expect(flat.errors).toBeUndefined();
    expect(grouped.errors).toBeUndefined();
    const groups = grouped.data!.availabilityByClinician as Group[];
    const flatSlots = flat.data!.availableSlots as { startsAt: string; endsAt: string; clinician: { id: string } }[];
    expect(flatSlots.length).toBeGreaterThan(20);
    expect(lines(groups)).toEqual(flatSlots.map((s) => `${s.clinician.id} ${s.startsAt} ${s.endsAt}`).sort());
    expect(groups.map((g) => g.clinician).sort((a, b) => a.displayName.localeCompare(b.displayName))).toEqual([
      { id: maya.id, displayName: 'Dr. Maya Patel' },
      { id: ravi.id, displayName: 'Ravi Shah, LCSW' },
    ]);

    const one = await gql(stack.routerUrl, STAFF_GROUPED, { ...variables, clinicianId: ravi.id }, desk);
    expect((one.data!.availabilityByClinician as Group[]).map((g) => g.clinician.id)).toEqual([ravi.id]);
  });

  it('refuses no token, portal clients and another practice’s staff, as availableSlots does', async () => {
    const { practice, maya, service } = await practiceWithTwoClinicians();
    const variables = { serviceId: service.id, clinicianId: maya.id, ...range() };
    expect((await gql(stack.routerUrl, STAFF_GROUPED, variables)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const account = await testPrisma().clientAccount.create({ data: { practiceId: practice.id, clientId: randomUUID(), email: `slots-${randomUUID()}@example.test` }, select: { id: true, clientId: true } });
    const client = await tokenFor({ ...account, practiceId: practice.id, roles: ['CLIENT'] });
    expect((await gql(stack.routerUrl, STAFF_GROUPED, variables, client)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await createTestPractice();
    const stranger = await tokenFor(await createTestStaff(other, { roles: ['ADMIN', 'CLINICIAN'] }));
    const flat = await gql(stack.routerUrl, STAFF_FLAT, variables, stranger);
    const grouped = await gql(stack.routerUrl, STAFF_GROUPED, variables, stranger);
    expect(grouped.errors?.[0]?.extensions?.code).toBe(flat.errors?.[0]?.extensions?.code);
    expect(grouped.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(grouped)).not.toContain(maya.id);
  });

  it('gives the public booking page the same times as onlineSlots, and only through the practice’s own link', async () => {
    const { practice, maya, service, hidden } = await practiceWithTwoClinicians();
    const variables = { practiceId: practice.id, serviceId: service.id, ...range() };
    const flat = (await gql(stack.routerUrl, ONLINE_FLAT, variables)).data!.onlineSlots as { clinicianId: string; clinicianName: string; startsAt: string; endsAt: string }[];
    const grouped = await gql(stack.routerUrl, ONLINE_GROUPED, variables);
    expect(grouped.errors).toBeUndefined();
    const groups = grouped.data!.onlineAvailabilityByClinician as Group[];
    expect(flat.length).toBeGreaterThan(20);
    expect(lines(groups)).toEqual(flat.map((s) => `${s.clinicianId} ${s.startsAt} ${s.endsAt}`).sort());
    for (const group of groups) expect(group.clinician.displayName).toBe(flat.find((s) => s.clinicianId === group.clinician.id)!.clinicianName);
    // Earliest free time first.
    expect(groups.map((g) => g.starts[0])).toEqual(groups.map((g) => g.starts[0]).sort());

    // Not bookable online, another practice's link, an unknown link: NOT_FOUND, nothing of this practice.
    expect((await gql(stack.routerUrl, ONLINE_GROUPED, { ...variables, serviceId: hidden.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const other = await createTestPractice();
    for (const practiceId of [other.id, '00000000-0000-4000-8000-000000000000']) {
      const answer = await gql(stack.routerUrl, ONLINE_GROUPED, { ...variables, practiceId, clinicianId: maya.id });
      expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(JSON.stringify(answer)).not.toContain(maya.id);
    }
  });
});
