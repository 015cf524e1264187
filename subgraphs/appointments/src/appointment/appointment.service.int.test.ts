// The exclusion constraint, not only the service, keeps a clinician's diary free of overlaps.
import { createPrismaClient, type AuthClaims } from '@solace/server-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff } from '../../../../test/support/factories';
import type { AppointmentSideEffects } from './appointment.events';
import { AppointmentRepository } from './appointment.repository';
import { AppointmentService } from './appointment.service';

const prisma = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 25 });
afterAll(() => prisma.$disconnect());

function recordingSideEffects() {
  const calls: string[] = [];
  const effects: AppointmentSideEffects = {
    booked: async (a) => void calls.push(`booked:${a.id}`),
    rescheduled: async (a) => void calls.push(`rescheduled:${a.id}`),
    statusChanged: async (a) => void calls.push(`status:${a.id}:${a.status}`),
  };
  return { calls, effects };
}

async function setup() {
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice);
  const client = await createTestClient(practice);
  const user: AuthClaims = { sub: clinician.id, practiceId: practice.id, roles: ['CLINICIAN'], sid: 'test-session', exp: Math.floor(Date.now() / 1000) + 600 };
  const { calls, effects } = recordingSideEffects();
  return { user, client, calls, service: new AppointmentService(new AppointmentRepository(prisma), effects) };
}

const at = (iso: string) => new Date(iso);

describe('booking without double-booking', () => {
  it('lets exactly one of 20 simultaneous bookings of one slot succeed', async () => {
    const { user, client, service, calls } = await setup();
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, () => service.book(user, { clientId: client.id, startsAt: at('2030-03-04T15:00:00Z'), endsAt: at('2030-03-04T15:50:00Z') }, 'req')),
    );
    const succeeded = attempts.filter((a) => a.status === 'fulfilled');
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'CONFLICT', details: { reason: 'CLINICIAN_OVERLAP' } });
    expect(calls.filter((c) => c.startsWith('booked:'))).toHaveLength(1);
  });

  it('allows back-to-back visits, refuses rescheduling into an overlap, and frees the slot on cancel', async () => {
    const { user, client, service } = await setup();
    const first = await service.book(user, { clientId: client.id, startsAt: at('2030-03-05T15:00:00Z'), endsAt: at('2030-03-05T16:00:00Z') }, 'r1');
    const second = await service.book(user, { clientId: client.id, startsAt: at('2030-03-05T16:00:00Z'), endsAt: at('2030-03-05T17:00:00Z') }, 'r2');
    await expect(service.reschedule(user, second.id, at('2030-03-05T15:30:00Z'), at('2030-03-05T16:30:00Z'), 'r3')).rejects.toMatchObject({ code: 'CONFLICT' });

    await service.setStatus(user, first.id, 'CANCELLED', 'r4');
    const moved = await service.reschedule(user, second.id, at('2030-03-05T15:30:00Z'), at('2030-03-05T16:30:00Z'), 'r5');
    expect(moved.startsAt.toISOString()).toBe('2030-03-05T15:30:00.000Z');
    await expect(service.setStatus(user, first.id, 'COMPLETED', 'r6')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses bad times and unknown clients with clear codes', async () => {
    const { user, client, service } = await setup();
    await expect(service.book(user, { clientId: client.id, startsAt: at('2030-03-06T16:00:00Z'), endsAt: at('2030-03-06T15:00:00Z') }, 'r')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      service.book(user, { clientId: '00000000-0000-4000-8000-000000000000', startsAt: at('2030-03-06T15:00:00Z'), endsAt: at('2030-03-06T16:00:00Z') }, 'r'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const stranger = await createTestPractice();
    const strangerUser: AuthClaims = { ...user, practiceId: stranger.id };
    await expect(
      service.book(strangerUser, { clientId: client.id, startsAt: at('2030-03-06T15:00:00Z'), endsAt: at('2030-03-06T16:00:00Z') }, 'r'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
