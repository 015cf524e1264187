// Availability grouped by clinician against real PostgreSQL and Redis: the grouped answer holds
// exactly the slots of the flat one for the same search (several clinicians with different hours,
// extra hours, time off, appointments, a live hold and outside-calendar busy time), staff and online.
import { createPrismaClient, createRedis, SlotHolds } from '@solace/server-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff } from '../../../../test/support/factories';
import { CatalogRepository } from '../catalog/catalog.repository';
import { CatalogService } from '../catalog/catalog.service';
import { ClinicianHoursRepository } from '../clinician-hours/clinician-hours.repository';
import { SchedulingPolicyRepository } from '../scheduling-policy/scheduling-policy.repository';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityService, type ClinicianSlots, type Slot, type SlotSearchOptions } from './availability.service';
import type { BusyElsewhere } from './busy-elsewhere';
import type { Interval } from './slot-finder';

const prisma = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 5 });
const redis = createRedis(process.env.REDIS_URL!);
afterAll(async () => {
  redis.disconnect();
  await prisma.$disconnect();
});

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Midnight UTC of a weekday at least a day ahead: past the default minimum notice, inside the booking horizon. */
function startOfSearch(): number {
  // A Monday, so the third and fourth days (time off, extra hours) are working days too.
  let day = Math.ceil(Date.now() / DAY) * DAY + DAY;
  while (new Date(day).getUTCDay() !== 1) day += DAY;
  return day;
}

async function setup() {
  const practice = await createTestPractice(prisma, { timeZone: 'America/New_York' });
  const [maya, ravi, lena] = await Promise.all([
    createTestStaff(practice, { displayName: 'Dr. Maya Patel' }),
    createTestStaff(practice, { displayName: 'Ravi Shah, LCSW' }),
    createTestStaff(practice, { displayName: 'Lena Novak, LMFT' }),
  ]);
  // Maya works weekdays 9–17, Ravi every day 12–20, Lena only Tuesdays 9–12 (plus extra hours below).
  await prisma.workingHours.createMany({
    data: [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, clinicianId: maya.id, weekday, startMinute: 9 * 60, endMinute: 17 * 60 })),
      ...[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, clinicianId: ravi.id, weekday, startMinute: 12 * 60, endMinute: 20 * 60 })),
      { practiceId: practice.id, clinicianId: lena.id, weekday: 2, startMinute: 9 * 60, endMinute: 12 * 60 },
    ],
  });
  const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Individual therapy', durationMinutes: 50, priceCents: 15000, bookableOnline: true } });
  const from = startOfSearch();
  // Time off for Maya on the third day, extra hours for Lena on the fourth (UTC noon to 18:00).
  await prisma.availabilityException.createMany({
    data: [
      { practiceId: practice.id, clinicianId: maya.id, kind: 'TIME_OFF', startsAt: new Date(from + 2 * DAY), endsAt: new Date(from + 3 * DAY) },
      { practiceId: practice.id, clinicianId: lena.id, kind: 'EXTRA_HOURS', startsAt: new Date(from + 3 * DAY + 12 * HOUR), endsAt: new Date(from + 3 * DAY + 18 * HOUR) },
    ],
  });
  // An appointment of Ravi's on the first day 17:00–18:00 UTC.
  const client = await createTestClient(practice);
  await prisma.appointment.create({ data: { practiceId: practice.id, clientId: client.id, clinicianId: ravi.id, startsAt: new Date(from + 17 * HOUR), endsAt: new Date(from + 18 * HOUR) } });
  // A live hold on Maya's first day 15:00 UTC, and outside-calendar busy time for Ravi on the second day.
  const holds = new SlotHolds(redis);
  const hold = await holds.take({ practiceId: practice.id, clinicianId: maya.id, serviceId: service.id, startsAt: new Date(from + 15 * HOUR).toISOString(), endsAt: new Date(from + 16 * HOUR).toISOString() });
  const outside = new Map<string, Interval[]>([[ravi.id, [{ start: from + DAY + 16 * HOUR, end: from + DAY + 20 * HOUR }]]]);
  const elsewhere: BusyElsewhere = { busy: async () => outside };
  const availability = new AvailabilityService(
    new AvailabilityRepository(prisma),
    new ClinicianHoursRepository(prisma),
    new CatalogService(new CatalogRepository(prisma)),
    new SchedulingPolicyRepository(prisma),
    holds,
    elsewhere,
  );
  return { practice, maya, ravi, lena, service, availability, from, hold: hold! };
}

/** The grouped answer spread back into the flat shape and order. */
function flatten(groups: ClinicianSlots[]): Slot[] {
  return groups
    .flatMap((group) => group.starts.map((startsAt) => ({ clinicianId: group.clinician.id, startsAt, endsAt: new Date(startsAt.getTime() + group.durationMinutes * 60_000) })))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.clinicianId < b.clinicianId ? -1 : a.clinicianId > b.clinicianId ? 1 : 0));
}

const iso = (slots: Slot[]) => slots.map((s) => `${s.clinicianId} ${s.startsAt.toISOString()} ${s.endsAt.toISOString()}`);

describe('availability grouped by clinician', () => {
  it('holds exactly the flat slots, for all clinicians and for one, as staff and online', async () => {
    const { practice, maya, ravi, lena, service, availability, from } = await setup();
    const searches = [
      { serviceId: service.id, from: new Date(from), to: new Date(from + 14 * DAY) },
      { serviceId: service.id, clinicianId: lena.id, from: new Date(from), to: new Date(from + 14 * DAY) },
      { serviceId: service.id, clinicianId: maya.id, from: new Date(from + 2 * HOUR), to: new Date(from + 5 * DAY + 7 * HOUR) },
    ];
    const modes: SlotSearchOptions[] = [{}, { online: true }];
    for (const search of searches) {
      for (const options of modes) {
        const flat = (await availability.slots(practice.id, search, options)).slots;
        const { groups } = await availability.slotsByClinician(practice.id, search, options);
        expect(flat.length, JSON.stringify({ search, options })).toBeGreaterThan(0);
        expect(iso(flatten(groups))).toEqual(iso(flat));
        // One entry per clinician with any slot, none empty, each ascending; earliest first.
        expect(new Set(groups.map((g) => g.clinician.id)).size).toBe(groups.length);
        expect(groups.map((g) => g.clinician.id).sort()).toEqual([...new Set(flat.map((s) => s.clinicianId))].sort());
        for (const group of groups) {
          expect(group.durationMinutes).toBe(50);
          expect(group.starts.map((d) => d.getTime())).toEqual(group.starts.map((d) => d.getTime()).sort((a, b) => a - b));
        }
        expect(groups.map((g) => g.starts[0]!.getTime())).toEqual(groups.map((g) => g.starts[0]!.getTime()).sort((a, b) => a - b));
      }
    }

    // The inputs really shaped the answer: names come with the groups, and the hold, time off,
    // appointment, outside busy time and extra hours are all visible in it.
    const { groups } = await availability.slotsByClinician(practice.id, searches[0]!);
    const of = (id: string) => groups.find((g) => g.clinician.id === id)!.starts.map((d) => d.getTime());
    expect(groups.find((g) => g.clinician.id === maya.id)!.clinician.displayName).toBe('Dr. Maya Patel');
    expect(of(maya.id)).not.toContain(from + 15 * HOUR);
    expect(of(maya.id).filter((t) => t >= from + 2 * DAY && t < from + 3 * DAY)).toEqual([]);
    expect(of(ravi.id)).not.toContain(from + 17 * HOUR);
    expect(of(ravi.id).filter((t) => t >= from + DAY + 16 * HOUR && t < from + DAY + 20 * HOUR)).toEqual([]);
    expect(of(lena.id)).toContain(from + 3 * DAY + 12 * HOUR);
  });

  it('does not block the caller’s own hold, in both shapes alike', async () => {
    const { practice, maya, service, availability, from, hold } = await setup();
    const search = { serviceId: service.id, clinicianId: maya.id, from: new Date(from), to: new Date(from + DAY) };
    const options = { online: true, exceptHold: hold.holdId };
    const flat = (await availability.slots(practice.id, search, options)).slots;
    expect(flat.map((s) => s.startsAt.getTime())).toContain(from + 15 * HOUR);
    expect(iso(flatten((await availability.slotsByClinician(practice.id, search, options)).groups))).toEqual(iso(flat));
  });

  it('answers an empty list where the flat shape does, and refuses what it refuses', async () => {
    const { practice, service, availability, from } = await setup();
    const past = { serviceId: service.id, from: new Date(from - 30 * DAY), to: new Date(from - 20 * DAY) };
    expect((await availability.slots(practice.id, past)).slots).toEqual([]);
    expect((await availability.slotsByClinician(practice.id, past)).groups).toEqual([]);
    const tooLong = { serviceId: service.id, from: new Date(from), to: new Date(from + 40 * DAY) };
    await expect(availability.slotsByClinician(practice.id, tooLong)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const hidden = await prisma.service.create({ data: { practiceId: practice.id, name: 'Couples (call us)', durationMinutes: 80, priceCents: 20000 } });
    await expect(availability.slotsByClinician(practice.id, { ...past, serviceId: hidden.id, from: new Date(from), to: new Date(from + DAY) }, { online: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
