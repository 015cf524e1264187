// Reminders on real Redis (BullMQ) and PostgreSQL, each test on its own queue and practice.
import { createLogger, createPrismaClient } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff } from '../../../test/support/factories';
import { LocalMailboxProvider } from '../email/local-mailbox.provider';
import { ReminderRepository } from './reminder.repository';
import { processReminder } from './reminders.processor';
import {
  createRemindersQueue,
  removeAppointmentReminders,
  reminderJobId,
  rescheduleAppointmentReminders,
  scheduleAppointmentReminders,
  type RemindersQueue,
} from './reminders.queue';
import { startRemindersWorker } from './reminders.worker';

// The processor tests act as the tables' owner; the running worker connects as the services do
// (solace_app, under row-level security), so it proves jobs run in their practice's scope.
const prisma = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 4 });
const appPrisma = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });
const log = createLogger('test');
const queues: RemindersQueue[] = [];
afterAll(async () => {
  await Promise.all(queues.map(async (q) => (await q.obliterate({ force: true }), await q.close())));
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});

function newQueue() {
  const queue = createRemindersQueue(process.env.REDIS_URL!, `reminders-test-${randomUUID()}`);
  queues.push(queue);
  return queue;
}

async function mailbox() {
  const dir = await mkdtemp(join(tmpdir(), 'solace-mailbox-'));
  const messages = async () => Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name), 'utf8')));
  return { dir, messages, provider: new LocalMailboxProvider(dir, log) };
}

async function bookedVisit(startsAt: Date, status: 'SCHEDULED' | 'CANCELLED' = 'SCHEDULED') {
  const practice = await createTestPractice(undefined, { timeZone: 'America/Chicago' });
  const clinician = await createTestStaff(practice, { displayName: 'Dr. Rivera' });
  const client = await createTestClient(practice, { firstName: 'Dana', email: `dana-${randomUUID()}@example.test` });
  const appointment = await createTestAppointment(practice, client, clinician, { startsAt, status });
  return { practice, client, appointment };
}

const now = new Date('2030-05-01T12:00:00Z');
const hoursFromNow = (h: number) => new Date(now.getTime() + h * 3600_000);

describe('scheduling reminders', () => {
  it('adds delayed jobs at start−48h and start−2h with deterministic ids, once', async () => {
    const queue = newQueue();
    const input = { appointmentId: randomUUID(), practiceId: randomUUID(), startsAt: hoursFromNow(72), requestId: 'r1' };
    expect(await scheduleAppointmentReminders(queue, input, now)).toEqual([reminderJobId(input.appointmentId, '48h'), reminderJobId(input.appointmentId, '2h')]);
    await scheduleAppointmentReminders(queue, input, now);
    const delayed = await queue.getDelayed();
    expect(delayed).toHaveLength(2);
    const byId = Object.fromEntries(delayed.map((job) => [job.id, job.opts.delay]));
    expect(byId[reminderJobId(input.appointmentId, '48h')]).toBe(24 * 3600_000);
    expect(byId[reminderJobId(input.appointmentId, '2h')]).toBe(70 * 3600_000);
    expect(delayed[0]!.data).not.toHaveProperty('email');
  });

  it('skips reminders whose moment has passed', async () => {
    const queue = newQueue();
    const input = { appointmentId: randomUUID(), practiceId: randomUUID(), startsAt: hoursFromNow(5), requestId: 'r1' };
    expect(await scheduleAppointmentReminders(queue, input, now)).toEqual([reminderJobId(input.appointmentId, '2h')]);
  });

  it('moves reminders when rescheduled and removes them when cancelled', async () => {
    const queue = newQueue();
    const input = { appointmentId: randomUUID(), practiceId: randomUUID(), startsAt: hoursFromNow(72), requestId: 'r1' };
    await scheduleAppointmentReminders(queue, input, now);
    await rescheduleAppointmentReminders(queue, { ...input, startsAt: hoursFromNow(100) }, now);
    const moved = await queue.getDelayed();
    expect(moved.map((job) => job.opts.delay).sort((a, b) => a! - b!)).toEqual([52 * 3600_000, 98 * 3600_000]);
    expect(moved.every((job) => job.data.startsAt === hoursFromNow(100).toISOString())).toBe(true);
    await removeAppointmentReminders(queue, input.appointmentId);
    expect(await queue.getDelayed()).toHaveLength(0);
  });
});

describe('sending a reminder', () => {
  it("emails the client once, in the practice's time zone, with nothing clinical", async () => {
    const { practice, client, appointment } = await bookedVisit(new Date('2030-06-03T15:00:00Z'));
    const box = await mailbox();
    const job = { id: reminderJobId(appointment.id, '2h'), data: { appointmentId: appointment.id, practiceId: practice.id, offset: '2h' as const, startsAt: appointment.startsAt.toISOString(), requestId: 'r' } };
    const deps = { reminders: new ReminderRepository(prisma), email: box.provider };
    expect(await processReminder(job, deps)).toHaveProperty('sent');
    expect(await processReminder(job, deps)).toHaveProperty('sent');
    const messages = await box.messages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`To: ${client.email}`);
    expect(messages[0]).toContain('Subject: Reminder: your appointment with Dr. Rivera');
    expect(messages[0]).toContain('Monday, June 3, 2030 at 10:00 AM CDT'); // 15:00 UTC in Chicago
  });

  it('reminds again for the new time when a reminded appointment moves (same job id, new plan)', async () => {
    const { practice, appointment } = await bookedVisit(new Date('2030-06-06T15:00:00Z'));
    const box = await mailbox();
    const deps = { reminders: new ReminderRepository(prisma), email: box.provider };
    const job = (startsAt: Date) => ({ id: reminderJobId(appointment.id, '2h'), data: { appointmentId: appointment.id, practiceId: practice.id, offset: '2h' as const, startsAt: startsAt.toISOString(), requestId: 'r' } });
    expect(await processReminder(job(appointment.startsAt), deps)).toHaveProperty('sent');
    const later = new Date('2030-06-06T17:00:00Z');
    await prisma.appointment.update({ where: { id: appointment.id }, data: { startsAt: later, endsAt: new Date(later.getTime() + 50 * 60_000) } });
    expect(await processReminder(job(later), deps)).toHaveProperty('sent');
    const messages = await box.messages();
    expect(messages).toHaveLength(2);
    expect(messages.some((m) => m.includes('Thursday, June 6, 2030 at 12:00 PM CDT'))).toBe(true); // 17:00 UTC in Chicago
  });

  it('skips a client without an email address', async () => {
    const practice = await createTestPractice();
    const client = await createTestClient(practice, { email: null });
    const appointment = await createTestAppointment(practice, client, await createTestStaff(practice), { startsAt: new Date('2030-06-07T15:00:00Z') });
    const box = await mailbox();
    const data = { appointmentId: appointment.id, practiceId: practice.id, offset: '48h' as const, startsAt: appointment.startsAt.toISOString(), requestId: 'r' };
    expect(await processReminder({ id: 'n', data }, { reminders: new ReminderRepository(prisma), email: box.provider })).toEqual({ skipped: 'no-email' });
    expect(await box.messages()).toHaveLength(0);
  });

  it('sends nothing for a cancelled or moved appointment, or a missing one', async () => {
    const box = await mailbox();
    const deps = { reminders: new ReminderRepository(prisma), email: box.provider };
    const cancelled = await bookedVisit(new Date('2030-06-04T15:00:00Z'), 'CANCELLED');
    const data = (a: { id: string; practiceId: string; startsAt: Date }, startsAt = a.startsAt) => ({ appointmentId: a.id, practiceId: a.practiceId, offset: '2h' as const, startsAt: startsAt.toISOString(), requestId: 'r' });
    expect(await processReminder({ id: 'c', data: data(cancelled.appointment) }, deps)).toEqual({ skipped: 'not-scheduled' });
    const moved = await bookedVisit(new Date('2030-06-05T15:00:00Z'));
    expect(await processReminder({ id: 'm', data: data(moved.appointment, new Date('2030-06-05T09:00:00Z')) }, deps)).toEqual({ skipped: 'moved' });
    expect(await processReminder({ id: 'g', data: { ...data(moved.appointment), appointmentId: randomUUID() } }, deps)).toEqual({ skipped: 'appointment-gone' });
    expect(await box.messages()).toHaveLength(0);
  });

  it('a running worker delivers a due reminder to the mailbox', async () => {
    const { practice, appointment } = await bookedVisit(new Date(Date.now() + 2 * 3600_000 + 500));
    const box = await mailbox();
    const queue = newQueue();
    const worker = startRemindersWorker({ redisUrl: process.env.REDIS_URL!, reminders: new ReminderRepository(appPrisma), email: box.provider, log, queueName: queue.name });
    try {
      await scheduleAppointmentReminders(queue, { appointmentId: appointment.id, practiceId: practice.id, startsAt: appointment.startsAt, requestId: 'r' });
      for (let i = 0; i < 100 && (await box.messages()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await box.messages()).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });
});
