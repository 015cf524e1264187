// The exclusion constraints, not only the service, keep clinicians', rooms' and clients' calendars
// free of overlaps — also when many people book the same slot at the same moment.
import { createPrismaClient, type AuthClaims } from '@solace/server-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff } from '../../../../test/support/factories';
import { BookingRulesRepository } from '../booking-rules/booking-rules.repository';
import { CatalogRepository } from '../catalog/catalog.repository';
import { CatalogService } from '../catalog/catalog.service';
import { SchedulingPolicyRepository } from '../scheduling-policy/scheduling-policy.repository';
import type { AppointmentSideEffects } from './appointment.events';
import { AppointmentRepository } from './appointment.repository';
import { AppointmentService } from './appointment.service';

/** These tests book in 2030: consent on file until then. */
const FAR_FUTURE_CONSENT = { consentUntil: new Date('2032-01-01T00:00:00Z') };
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
  const client = await createTestClient(practice, FAR_FUTURE_CONSENT);
  const user: AuthClaims = { sub: clinician.id, practiceId: practice.id, roles: ['CLINICIAN', 'FRONT_DESK'], sid: 'test-session', exp: Math.floor(Date.now() / 1000) + 600 };
  const { calls, effects } = recordingSideEffects();
  const service = new AppointmentService(new AppointmentRepository(prisma), new CatalogService(new CatalogRepository(prisma)), new SchedulingPolicyRepository(prisma), new BookingRulesRepository(prisma), effects);
  return { practice, user, client, calls, service };
}

const at = (iso: string) => new Date(iso);
const slot = (day: number, hour: number, minutes = 50) => ({ startsAt: at(`2030-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`), endsAt: new Date(at(`2030-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`).getTime() + minutes * 60_000) });
const IN_PERSON = 'IN_PERSON' as const;

function outcome(attempts: PromiseSettledResult<unknown>[]) {
  const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
  return { succeeded: attempts.length - refused.length, refused: refused.map((r) => r.reason as { code: string; details?: { reason?: string } }) };
}

describe('booking without double-booking', () => {
  it("lets exactly one of 20 simultaneous bookings of one clinician's slot succeed", async () => {
    const { practice, user, service, calls } = await setup();
    const clients = await Promise.all(Array.from({ length: 20 }, () => createTestClient(practice, FAR_FUTURE_CONSENT)));
    const { succeeded, refused } = outcome(await Promise.allSettled(clients.map((client) => service.book(user, { clientId: client.id, modality: IN_PERSON, ...slot(4, 15) }, 'req'))));
    expect(succeeded).toBe(1);
    expect(refused).toHaveLength(19);
    for (const reason of refused) expect(reason).toMatchObject({ code: 'CONFLICT', details: { reason: 'CLINICIAN_OVERLAP' } });
    expect(calls.filter((c) => c.startsWith('booked:'))).toHaveLength(1);
  });

  it('lets exactly one of 20 simultaneous bookings of one room succeed, each with another clinician and client', async () => {
    const { practice, user, service } = await setup();
    const room = await prisma.room.create({ data: { practiceId: practice.id, name: 'Room 1' } });
    const pairs = await Promise.all(Array.from({ length: 20 }, async () => ({ clinician: await createTestStaff(practice), client: await createTestClient(practice, FAR_FUTURE_CONSENT) })));
    const attempts = await Promise.allSettled(
      pairs.map(({ clinician, client }) => service.book(user, { clientId: client.id, clinicianId: clinician.id, roomId: room.id, modality: IN_PERSON, ...slot(5, 15) }, 'req')),
    );
    const { succeeded, refused } = outcome(attempts);
    expect(succeeded).toBe(1);
    for (const reason of refused) expect(reason).toMatchObject({ code: 'CONFLICT', details: { reason: 'ROOM_OVERLAP' } });
  });

  it('refuses a client in two places at once, even with two clinicians booking at the same moment', async () => {
    const { practice, user, client, service } = await setup();
    const clinicians = await Promise.all(Array.from({ length: 6 }, () => createTestStaff(practice)));
    const attempts = await Promise.allSettled(clinicians.map((clinician) => service.book(user, { clientId: client.id, clinicianId: clinician.id, modality: IN_PERSON, ...slot(6, 15) }, 'req')));
    const { succeeded, refused } = outcome(attempts);
    expect(succeeded).toBe(1);
    for (const reason of refused) expect(reason).toMatchObject({ code: 'CONFLICT', details: { reason: 'CLIENT_OVERLAP' } });
  });

  it('allows back-to-back visits, refuses rescheduling into an overlap, and frees the slot on cancel', async () => {
    const { user, client, service } = await setup();
    const first = await service.book(user, { clientId: client.id, modality: IN_PERSON, ...slot(7, 15, 60) }, 'r1');
    const second = await service.book(user, { clientId: client.id, modality: IN_PERSON, ...slot(7, 16, 60) }, 'r2');
    const overlapping = { startsAt: at('2030-03-07T15:30:00Z'), endsAt: at('2030-03-07T16:30:00Z') };
    await expect(service.reschedule(user, second.id, overlapping, 'r3')).rejects.toMatchObject({ code: 'CONFLICT' });

    await service.cancel(user, first.id, 'CLINICIAN_UNAVAILABLE', undefined, 'r4');
    const moved = await service.reschedule(user, second.id, overlapping, 'r5');
    expect(moved.startsAt.toISOString()).toBe('2030-03-07T15:30:00.000Z');
    await expect(service.setStatus(user, first.id, 'COMPLETED', 'r6')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('marks a client’s cancellation inside the policy window late, a clinician’s never', async () => {
    const { practice, user, client, service } = await setup();
    const now = at('2030-03-08T09:00:00Z');
    const tomorrowMorning = await service.book(user, { clientId: client.id, modality: IN_PERSON, ...slot(9, 8) }, 'r');
    const inThreeDays = await service.book(user, { clientId: client.id, modality: IN_PERSON, ...slot(11, 8) }, 'r');
    expect(await service.cancel(user, tomorrowMorning.id, 'CLIENT_ILLNESS', 'Called at 9', 'r', now)).toMatchObject({ status: 'CANCELLED', lateCancel: true, cancelReason: 'CLIENT_ILLNESS', cancelNote: 'Called at 9' });
    expect(await service.cancel(user, inThreeDays.id, 'CLIENT_REQUEST', undefined, 'r', now)).toMatchObject({ lateCancel: false });

    await prisma.schedulingPolicy.create({ data: { practiceId: practice.id, lateCancelHours: 96 } });
    const again = await service.book(user, { clientId: client.id, modality: IN_PERSON, ...slot(11, 8) }, 'r');
    expect(await service.cancel(user, again.id, 'CLIENT_REQUEST', undefined, 'r', now)).toMatchObject({ lateCancel: true });
    const clinicianSide = await service.book(user, { clientId: client.id, modality: IN_PERSON, ...slot(9, 8) }, 'r');
    expect(await service.cancel(user, clinicianSide.id, 'CLINICIAN_UNAVAILABLE', undefined, 'r', now)).toMatchObject({ lateCancel: false });
  });

  it('takes the length from the service, and refuses a modality the service does not offer or a room for telehealth', async () => {
    const { practice, user, client, service } = await setup();
    const intake = await prisma.service.create({ data: { practiceId: practice.id, name: 'Intake', durationMinutes: 75, priceCents: 20000, modalities: ['IN_PERSON'] } });
    const room = await prisma.room.create({ data: { practiceId: practice.id, name: 'Room A' } });
    const booked = await service.book(user, { clientId: client.id, serviceId: intake.id, roomId: room.id, modality: IN_PERSON, startsAt: at('2030-03-12T14:00:00Z') }, 'r');
    expect(booked).toMatchObject({ serviceId: intake.id, roomId: room.id, endsAt: at('2030-03-12T15:15:00Z') });
    await expect(service.book(user, { clientId: client.id, serviceId: intake.id, modality: 'TELEHEALTH', startsAt: at('2030-03-13T14:00:00Z') }, 'r')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'MODALITY_NOT_OFFERED' },
    });
    await expect(service.book(user, { clientId: client.id, roomId: room.id, modality: 'TELEHEALTH', ...slot(13, 14) }, 'r')).rejects.toMatchObject({ details: { reason: 'ROOM_FOR_TELEHEALTH' } });
  });

  it('refuses bad times, unknown clients and other practices’ rooms and services with clear codes', async () => {
    const { user, client, service } = await setup();
    await expect(service.book(user, { clientId: client.id, modality: IN_PERSON, startsAt: at('2030-03-06T16:00:00Z'), endsAt: at('2030-03-06T15:00:00Z') }, 'r')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service.book(user, { clientId: client.id, modality: IN_PERSON, startsAt: at('2030-03-06T16:00:00Z') }, 'r')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(service.book(user, { clientId: '00000000-0000-4000-8000-000000000000', modality: IN_PERSON, ...slot(14, 15) }, 'r')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const stranger = await createTestPractice();
    const theirRoom = await prisma.room.create({ data: { practiceId: stranger.id, name: 'Theirs' } });
    const theirService = await prisma.service.create({ data: { practiceId: stranger.id, name: 'Theirs', durationMinutes: 50, priceCents: 1 } });
    await expect(service.book(user, { clientId: client.id, roomId: theirRoom.id, modality: IN_PERSON, ...slot(14, 15) }, 'r')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.book(user, { clientId: client.id, serviceId: theirService.id, modality: IN_PERSON, startsAt: at('2030-03-14T15:00:00Z') }, 'r')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.book({ ...user, practiceId: stranger.id }, { clientId: client.id, modality: IN_PERSON, ...slot(14, 15) }, 'r')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('applies the consent rules: first visit before paperwork, then informed and telehealth consent; minors need a guardian’s', async () => {
    const { practice, user, service } = await setup();
    const newcomer = await createTestClient(practice, { consents: false });
    await service.book(user, { clientId: newcomer.id, modality: 'TELEHEALTH', ...slot(18, 14) }, 'r');
    await expect(service.book(user, { clientId: newcomer.id, modality: IN_PERSON, ...slot(19, 14) }, 'r')).rejects.toMatchObject({ code: 'CONSENT_REQUIRED', details: { reason: 'INFORMED_CONSENT_MISSING' } });
    await prisma.clientConsent.create({ data: { practiceId: practice.id, clientId: newcomer.id, kind: 'INFORMED_CONSENT', signedAt: new Date(), expiresAt: new Date('2030-03-25T00:00:00Z'), signedByName: 'Newcomer' } });
    await service.book(user, { clientId: newcomer.id, modality: IN_PERSON, ...slot(19, 14) }, 'r');
    await expect(service.book(user, { clientId: newcomer.id, modality: 'TELEHEALTH', ...slot(20, 14) }, 'r')).rejects.toMatchObject({ details: { reason: 'TELEHEALTH_CONSENT_MISSING' } });
    await expect(service.book(user, { clientId: newcomer.id, modality: IN_PERSON, ...slot(26, 14) }, 'r')).rejects.toMatchObject({ details: { reason: 'INFORMED_CONSENT_EXPIRED' } });

    const minor = await createTestClient(practice, { consents: false, dateOfBirth: new Date('2015-01-01') });
    await expect(service.book(user, { clientId: minor.id, modality: IN_PERSON, ...slot(21, 14) }, 'r')).rejects.toMatchObject({ code: 'CONSENT_REQUIRED', details: { reason: 'GUARDIAN_CONSENT_MISSING' } });
    await prisma.clientConsent.create({ data: { practiceId: practice.id, clientId: minor.id, kind: 'GUARDIAN', signedAt: new Date(), signedByName: 'Parent' } });
    await service.book(user, { clientId: minor.id, modality: IN_PERSON, ...slot(21, 14) }, 'r');
  });
});
