// Recurring series against real PostgreSQL: booked all-or-none (or skipping taken sessions),
// edited for one session, this-and-following (which splits the series) or all, and cancelled.
import { createPrismaClient, type AuthClaims } from '@solace/server-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff } from '../../../../test/support/factories';
import type { AppointmentSideEffects } from '../appointment/appointment.events';
import { AppointmentRepository } from '../appointment/appointment.repository';
import { AppointmentService } from '../appointment/appointment.service';
import { AvailabilityRepository } from '../availability/availability.repository';
import { BookingRulesRepository } from '../booking-rules/booking-rules.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { CatalogService } from '../catalog/catalog.service';
import { SchedulingPolicyRepository } from '../scheduling-policy/scheduling-policy.repository';
import { SeriesRepository } from './series.repository';
import { SeriesService } from './series.service';

/** These tests book in 2030: consent on file until then. */
const FAR_FUTURE_CONSENT = { consentUntil: new Date('2032-01-01T00:00:00Z') };
const prisma = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 5 });
afterAll(() => prisma.$disconnect());

async function setup() {
  const practice = await createTestPractice(prisma, { timeZone: 'America/New_York' });
  const clinician = await createTestStaff(practice);
  const client = await createTestClient(practice, FAR_FUTURE_CONSENT);
  const user: AuthClaims = { sub: clinician.id, practiceId: practice.id, roles: ['CLINICIAN'], sid: 's', exp: Math.floor(Date.now() / 1000) + 600 };
  const calls: string[] = [];
  const effects: AppointmentSideEffects = {
    booked: async (a) => void calls.push(`booked:${a.id}`),
    rescheduled: async (a) => void calls.push(`moved:${a.id}`),
    statusChanged: async (a) => void calls.push(`status:${a.status}`),
  };
  const policies = new SchedulingPolicyRepository(prisma);
  const appointments = new AppointmentService(new AppointmentRepository(prisma), new CatalogService(new CatalogRepository(prisma)), policies, new BookingRulesRepository(prisma), effects);
  const series = new SeriesService(new SeriesRepository(prisma), appointments, new AvailabilityRepository(prisma), policies, effects);
  return { practice, clinician, client, user, calls, series, appointments };
}

const MONDAY_10AM = new Date('2030-03-04T15:00:00Z'); // 10:00 in New York (EST)
const base = (clientId: string) => ({ clientId, modality: 'IN_PERSON' as const, startsAt: MONDAY_10AM, endsAt: new Date(MONDAY_10AM.getTime() + 50 * 60_000) });
const iso = (list: { startsAt: Date }[]) => list.map((a) => a.startsAt.toISOString());

describe('recurring series', () => {
  it('books weekly sessions at the same local time across daylight saving, with reminders for each', async () => {
    const { client, user, calls, series } = await setup();
    const result = await series.book(user, { ...base(client.id), recurrence: { frequency: 'WEEKLY', count: 3 }, skipConflicts: false }, 'r');
    expect(result.series.rrule).toBe('FREQ=WEEKLY;INTERVAL=1;COUNT=3');
    expect(iso(result.booked)).toEqual(['2030-03-04T15:00:00.000Z', '2030-03-11T14:00:00.000Z', '2030-03-18T14:00:00.000Z']);
    expect(result.booked.every((a) => a.seriesId === result.series.id)).toBe(true);
    expect(calls.filter((c) => c.startsWith('booked:'))).toHaveLength(3);
  });

  it('books none when a session is taken, or the free ones with skipConflicts', async () => {
    const { practice, clinician, client, user, series } = await setup();
    const other = await createTestClient(practice, FAR_FUTURE_CONSENT);
    await prisma.appointment.create({ data: { practiceId: practice.id, clientId: other.id, clinicianId: clinician.id, startsAt: new Date('2030-03-18T14:30:00Z'), endsAt: new Date('2030-03-18T15:30:00Z') } });
    const request = { ...base(client.id), recurrence: { frequency: 'WEEKLY' as const, count: 4 } };
    await expect(series.book(user, { ...request, skipConflicts: false }, 'r')).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'CLINICIAN_OVERLAP', taken: ['2030-03-18T14:00:00.000Z'] } });
    expect(await prisma.appointment.count({ where: { clientId: client.id } })).toBe(0);
    const partial = await series.book(user, { ...request, skipConflicts: true }, 'r');
    expect(partial.booked).toHaveLength(3);
    expect(partial.skipped).toEqual([{ startsAt: new Date('2030-03-18T14:00:00Z'), endsAt: new Date('2030-03-18T14:50:00Z'), reason: 'CLINICIAN_OVERLAP' }]);
  });

  it('refuses endless or oversized rules with BAD_USER_INPUT', async () => {
    const { client, user, series } = await setup();
    await expect(series.book(user, { ...base(client.id), recurrence: { rule: 'FREQ=WEEKLY' }, skipConflicts: false }, 'r')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'BAD_RECURRENCE' } });
    await expect(series.book(user, { ...base(client.id), recurrence: { rule: 'FREQ=DAILY;COUNT=301' }, skipConflicts: false }, 'r')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const long = await series.book(user, { ...base(client.id), recurrence: { frequency: 'WEEKLY', count: 300 }, skipConflicts: false }, 'r');
    expect(long.booked).toHaveLength(300);
  });

  it('moves one session, this and the following (splitting the series), or all', async () => {
    const { client, user, series } = await setup();
    const { booked, series: created } = await series.book(user, { ...base(client.id), recurrence: { frequency: 'WEEKLY', count: 4 }, skipConflicts: false }, 'r');
    // One session: only the second moves, an hour later.
    const [one] = await series.edit(user, { appointmentId: booked[1]!.id, scope: 'THIS', startsAt: new Date('2030-03-11T15:00:00Z'), endsAt: new Date('2030-03-11T15:50:00Z') }, 'r');
    expect(one!.startsAt.toISOString()).toBe('2030-03-11T15:00:00.000Z');

    // This and following from the third: Monday 10:00 → Tuesday 09:00 for the third and fourth.
    const moved = await series.edit(user, { appointmentId: booked[2]!.id, scope: 'THIS_AND_FOLLOWING', startsAt: new Date('2030-03-19T13:00:00Z'), endsAt: new Date('2030-03-19T13:50:00Z') }, 'r');
    expect(iso(moved)).toEqual(['2030-03-19T13:00:00.000Z', '2030-03-26T13:00:00.000Z']);
    const rows = await prisma.appointment.findMany({ where: { clientId: client.id }, orderBy: { startsAt: 'asc' } });
    expect(rows.map((r) => r.startsAt.toISOString())).toEqual(['2030-03-04T15:00:00.000Z', '2030-03-11T15:00:00.000Z', '2030-03-19T13:00:00.000Z', '2030-03-26T13:00:00.000Z']);
    expect(rows[2]!.seriesId).not.toBe(created.id);
    expect((await prisma.appointmentSeries.findFirstOrThrow({ where: { id: created.id } })).rrule).toBe('FREQ=WEEKLY;INTERVAL=1;COUNT=2');
    expect((await prisma.appointmentSeries.findFirstOrThrow({ where: { id: rows[2]!.seriesId! } })).rrule).toBe('FREQ=WEEKLY;INTERVAL=1;COUNT=2');

    // All of the new series: a week later each (moving onto the next one's old time is fine).
    const all = await series.edit(user, { appointmentId: rows[2]!.id, scope: 'ALL', startsAt: new Date('2030-03-26T13:00:00Z'), endsAt: new Date('2030-03-26T13:50:00Z') }, 'r');
    expect(iso(all)).toEqual(['2030-03-26T13:00:00.000Z', '2030-04-02T13:00:00.000Z']);
  });

  it('refuses a move that clashes for any session, changing none', async () => {
    const { practice, clinician, client, user, series } = await setup();
    const { booked } = await series.book(user, { ...base(client.id), recurrence: { frequency: 'WEEKLY', count: 3 }, skipConflicts: false }, 'r');
    const other = await createTestClient(practice, FAR_FUTURE_CONSENT);
    await prisma.appointment.create({ data: { practiceId: practice.id, clientId: other.id, clinicianId: clinician.id, startsAt: new Date('2030-03-19T14:00:00Z'), endsAt: new Date('2030-03-19T15:00:00Z') } });
    await expect(series.edit(user, { appointmentId: booked[0]!.id, scope: 'ALL', startsAt: new Date('2030-03-05T15:00:00Z'), endsAt: new Date('2030-03-05T15:50:00Z') }, 'r')).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'CLINICIAN_OVERLAP' } });
    expect(iso(await prisma.appointment.findMany({ where: { clientId: client.id }, orderBy: { startsAt: 'asc' } }))).toEqual(iso(booked));
  });

  it('cancels this and the following sessions, marking only those inside the window late', async () => {
    const { practice, client, user, series } = await setup();
    await prisma.schedulingPolicy.create({ data: { practiceId: practice.id, lateCancelHours: 48 } });
    const { booked } = await series.book(user, { ...base(client.id), recurrence: { frequency: 'WEEKLY', count: 4 }, skipConflicts: false }, 'r');
    const now = new Date('2030-03-10T15:00:00Z'); // a day before the second session
    const cancelled = await series.cancel(user, { appointmentId: booked[1]!.id, scope: 'THIS_AND_FOLLOWING', reason: 'CLIENT_REQUEST' }, 'r', now);
    expect(cancelled.map((a) => [a.status, a.lateCancel])).toEqual([['CANCELLED', true], ['CANCELLED', false], ['CANCELLED', false]]);
    expect((await prisma.appointment.findFirstOrThrow({ where: { id: booked[0]!.id } })).status).toBe('SCHEDULED');
  });
});
