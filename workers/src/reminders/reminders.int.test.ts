// Reminders on real Redis (BullMQ) and PostgreSQL, each test on its own queue and practice.
import { createLogger, createPrismaClient } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff } from '../../../test/support/factories';
import { LocalMailboxProvider } from '../email/local-mailbox.provider';
import type { SmsOptOuts } from '../sms/sms-opt-outs';
import type { SmsProvider } from '../sms/sms-provider';
import { ReminderRepository } from './reminder.repository';
import { ReminderDeliveryRepository } from './reminder-delivery.repository';
import { DEFAULT_REMINDER_SETTINGS, type ReminderPlanSettings, type ReminderSettingsSource } from './reminder-settings';
import { ReminderPlanSettingsRepository } from './reminder-settings.repository';
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
/** These tests send email; texting anything fails them (SMS: reminders-sms.int.test.ts). */
const noSms: SmsProvider = { send: () => Promise.reject(new Error('no SMS expected here')) };
const noOptOuts: Pick<SmsOptOuts, 'apply'> = { apply: () => Promise.reject(new Error('no SMS opt-out expected here')) };
afterAll(async () => {
  await Promise.all(queues.map(async (q) => (await q.obliterate({ force: true }), await q.close())));
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});

function newQueue(settings?: ReminderSettingsSource) {
  const queue = createRemindersQueue(process.env.REDIS_URL!, `reminders-test-${randomUUID()}`, settings);
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

const fixed = (settings: Partial<ReminderPlanSettings> = {}): ReminderSettingsSource => ({
  forPractice: async () => ({ ...DEFAULT_REMINDER_SETTINGS, timeZone: 'UTC', quietHoursStart: '00:00', quietHoursEnd: '00:00', ...settings }),
});

describe('scheduling reminders', () => {
  it("adds one delayed job per offset and channel from the practice's settings, with deterministic ids, once", async () => {
    const queue = newQueue(fixed());
    const input = { appointmentId: randomUUID(), practiceId: randomUUID(), startsAt: hoursFromNow(72), requestId: 'r1' };
    const ids = [reminderJobId(input.appointmentId, 2880, 'EMAIL'), reminderJobId(input.appointmentId, 2880, 'SMS'), reminderJobId(input.appointmentId, 120, 'EMAIL'), reminderJobId(input.appointmentId, 120, 'SMS')];
    expect(await scheduleAppointmentReminders(queue, input, now)).toEqual(ids);
    await scheduleAppointmentReminders(queue, input, now);
    const delayed = await queue.getDelayed();
    expect(delayed).toHaveLength(4);
    const byId = Object.fromEntries(delayed.map((job) => [job.id, job.opts.delay]));
    expect(byId).toEqual({ [ids[0]!]: 24 * 3600_000, [ids[1]!]: 24 * 3600_000, [ids[2]!]: 70 * 3600_000, [ids[3]!]: 70 * 3600_000 });
    expect(delayed.find((job) => job.id === ids[3])!.data).toEqual({ ...input, startsAt: input.startsAt.toISOString(), offsetMinutes: 120, channel: 'SMS' });
  });

  it('skips reminders whose moment has passed, and schedules nothing when reminders are off', async () => {
    const queue = newQueue(fixed({ channels: ['EMAIL'] }));
    const input = { appointmentId: randomUUID(), practiceId: randomUUID(), startsAt: hoursFromNow(5), requestId: 'r1' };
    expect(await scheduleAppointmentReminders(queue, input, now)).toEqual([reminderJobId(input.appointmentId, 120, 'EMAIL')]);
    expect(await scheduleAppointmentReminders(newQueue(fixed({ enabled: false })), input, now)).toEqual([]);
  });

  it('moves a reminder due in quiet hours to just before they begin (fixed clock)', async () => {
    // now = 12:00 UTC; a visit tomorrow at 07:00 UTC: the 2 h reminder (05:00) is in 21:00–08:00 quiet
    // hours, so it goes today at 20:59 — 8 h 59 min from now.
    const queue = newQueue(fixed({ channels: ['SMS'], offsetsMinutes: [120], quietHoursStart: '21:00', quietHoursEnd: '08:00' }));
    const input = { appointmentId: randomUUID(), practiceId: randomUUID(), startsAt: hoursFromNow(19), requestId: 'r1' };
    await scheduleAppointmentReminders(queue, input, now);
    expect((await queue.getDelayed()).map((job) => job.opts.delay)).toEqual([(8 * 60 + 59) * 60_000]);
  });

  it('moves reminders when rescheduled and removes all of them when cancelled, even after the settings changed', async () => {
    const source = { current: fixed() };
    const queue = newQueue({ forPractice: (id) => source.current.forPractice(id) });
    const input = { appointmentId: randomUUID(), practiceId: randomUUID(), startsAt: hoursFromNow(72), requestId: 'r1' };
    await scheduleAppointmentReminders(queue, input, now);
    await rescheduleAppointmentReminders(queue, { ...input, startsAt: hoursFromNow(100) }, now);
    const moved = await queue.getDelayed();
    expect(moved.map((job) => job.opts.delay).sort((a, b) => a! - b!)).toEqual([52, 52, 98, 98].map((h) => h * 3600_000));
    expect(moved.every((job) => job.data.startsAt === hoursFromNow(100).toISOString())).toBe(true);

    source.current = fixed({ offsetsMinutes: [60] }); // the admin changes the offsets in between
    await removeAppointmentReminders(queue, input.appointmentId);
    expect(await queue.getDelayed()).toHaveLength(0);
  });

  it('also removes the fixed 48 h / 2 h jobs scheduled before settings existed', async () => {
    const queue = newQueue(fixed());
    const appointmentId = randomUUID();
    const data = { appointmentId, practiceId: randomUUID(), offsetMinutes: 120, channel: 'EMAIL' as const, startsAt: hoursFromNow(72).toISOString(), requestId: 'r' };
    await queue.add('appointment-reminder', data, { jobId: `reminder-${appointmentId}-48h`, delay: 3600_000 });
    await queue.add('appointment-reminder', data, { jobId: `reminder-${appointmentId}-2h`, delay: 3600_000 });
    await removeAppointmentReminders(queue, appointmentId);
    expect(await queue.getDelayed()).toHaveLength(0);
  });

  it('refuses to schedule on a queue that has no settings source (one made only for removing)', async () => {
    const queue = newQueue();
    await expect(scheduleAppointmentReminders(queue, { appointmentId: randomUUID(), practiceId: randomUUID(), startsAt: hoursFromNow(72), requestId: 'r' }, now)).rejects.toThrow(/without a settings source/);
  });

  it("reads a practice's saved settings and time zone, with the defaults until an admin saves some", async () => {
    const practice = await createTestPractice(undefined, { timeZone: 'Europe/Berlin' });
    const repository = new ReminderPlanSettingsRepository(appPrisma);
    expect(await repository.forPractice(practice.id)).toEqual({ ...DEFAULT_REMINDER_SETTINGS, timeZone: 'Europe/Berlin' });
    await prisma.reminderSettings.create({ data: { practiceId: practice.id, channels: ['SMS'], offsetsMinutes: [60], quietHoursStart: '22:00', quietHoursEnd: '07:00' } });
    expect(await repository.forPractice(practice.id)).toEqual({ enabled: true, channels: ['SMS'], offsetsMinutes: [60], quietHoursStart: '22:00', quietHoursEnd: '07:00', timeZone: 'Europe/Berlin' });
  });
});

describe('sending a reminder', () => {
  it("emails the client once, in the practice's time zone, with nothing clinical", async () => {
    const { practice, client, appointment } = await bookedVisit(new Date('2030-06-03T15:00:00Z'));
    const box = await mailbox();
    const job = { id: reminderJobId(appointment.id, 120, 'EMAIL'), data: { appointmentId: appointment.id, practiceId: practice.id, offsetMinutes: 120, channel: 'EMAIL' as const, startsAt: appointment.startsAt.toISOString(), requestId: 'r' } };
    const deps = { reminders: new ReminderRepository(prisma), deliveries: new ReminderDeliveryRepository(prisma), settings: new ReminderPlanSettingsRepository(prisma), email: box.provider, sms: noSms, smsOptOuts: noOptOuts };
    expect(await processReminder(job, deps)).toHaveProperty('sent');
    expect(await processReminder(job, deps)).toEqual({ skipped: 'already-sent' });
    const messages = await box.messages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`To: ${client.email}`);
    expect(messages[0]).toContain('Subject: Reminder: your appointment with Dr. Rivera');
    expect(messages[0]).toContain('Monday, June 3, 2030 at 10:00 AM CDT'); // 15:00 UTC in Chicago
  });

  it('reminds again for the new time when a reminded appointment moves (same job id, new plan)', async () => {
    const { practice, appointment } = await bookedVisit(new Date('2030-06-06T15:00:00Z'));
    const box = await mailbox();
    const deps = { reminders: new ReminderRepository(prisma), deliveries: new ReminderDeliveryRepository(prisma), settings: new ReminderPlanSettingsRepository(prisma), email: box.provider, sms: noSms, smsOptOuts: noOptOuts };
    const job = (startsAt: Date) => ({ id: reminderJobId(appointment.id, 120, 'EMAIL'), data: { appointmentId: appointment.id, practiceId: practice.id, offsetMinutes: 120, channel: 'EMAIL' as const, startsAt: startsAt.toISOString(), requestId: 'r' } });
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
    const data = { appointmentId: appointment.id, practiceId: practice.id, offsetMinutes: 2880, channel: 'EMAIL' as const, startsAt: appointment.startsAt.toISOString(), requestId: 'r' };
    expect(await processReminder({ id: 'n', data }, { reminders: new ReminderRepository(prisma), deliveries: new ReminderDeliveryRepository(prisma), settings: new ReminderPlanSettingsRepository(prisma), email: box.provider, sms: noSms, smsOptOuts: noOptOuts })).toEqual({ skipped: 'no-email' });
    expect(await box.messages()).toHaveLength(0);
  });

  it('sends nothing for a cancelled or moved appointment, or a missing one', async () => {
    const box = await mailbox();
    const deps = { reminders: new ReminderRepository(prisma), deliveries: new ReminderDeliveryRepository(prisma), settings: new ReminderPlanSettingsRepository(prisma), email: box.provider, sms: noSms, smsOptOuts: noOptOuts };
    const cancelled = await bookedVisit(new Date('2030-06-04T15:00:00Z'), 'CANCELLED');
    const data = (a: { id: string; practiceId: string; startsAt: Date }, startsAt = a.startsAt) => ({ appointmentId: a.id, practiceId: a.practiceId, offsetMinutes: 120, channel: 'EMAIL' as const, startsAt: startsAt.toISOString(), requestId: 'r' });
    expect(await processReminder({ id: 'c', data: data(cancelled.appointment) }, deps)).toEqual({ skipped: 'not-scheduled' });
    const moved = await bookedVisit(new Date('2030-06-05T15:00:00Z'));
    expect(await processReminder({ id: 'm', data: data(moved.appointment, new Date('2030-06-05T09:00:00Z')) }, deps)).toEqual({ skipped: 'moved' });
    expect(await processReminder({ id: 'g', data: { ...data(moved.appointment), appointmentId: randomUUID() } }, deps)).toEqual({ skipped: 'appointment-gone' });
    expect(await box.messages()).toHaveLength(0);
  });

  it('sends nothing on a channel, at an offset, or at all once the practice switched it off', async () => {
    const { practice, appointment } = await bookedVisit(new Date('2030-06-08T15:00:00Z'));
    const box = await mailbox();
    const deps = { reminders: new ReminderRepository(prisma), deliveries: new ReminderDeliveryRepository(prisma), settings: new ReminderPlanSettingsRepository(prisma), email: box.provider, sms: noSms, smsOptOuts: noOptOuts };
    const job = (offsetMinutes: number) => ({ id: `off-${offsetMinutes}`, data: { appointmentId: appointment.id, practiceId: practice.id, offsetMinutes, channel: 'EMAIL' as const, startsAt: appointment.startsAt.toISOString(), requestId: 'r' } });
    await prisma.reminderSettings.create({ data: { practiceId: practice.id, channels: ['SMS'], offsetsMinutes: [2880, 120] } });
    expect(await processReminder(job(120), deps)).toEqual({ skipped: 'reminders-off' });
    await prisma.reminderSettings.update({ where: { practiceId: practice.id }, data: { channels: ['EMAIL'], offsetsMinutes: [60] } });
    expect(await processReminder(job(120), deps)).toEqual({ skipped: 'reminders-off' });
    await prisma.reminderSettings.update({ where: { practiceId: practice.id }, data: { offsetsMinutes: [120], enabled: false } });
    expect(await processReminder(job(120), deps)).toEqual({ skipped: 'reminders-off' });
    expect(await box.messages()).toHaveLength(0);
  });

  it('a running worker delivers a due reminder to the mailbox', async () => {
    const { practice, appointment } = await bookedVisit(new Date(Date.now() + 2 * 3600_000 + 500));
    // No quiet hours: the test must not depend on the time of day it runs at.
    await prisma.reminderSettings.create({ data: { practiceId: practice.id, channels: ['EMAIL'], quietHoursStart: '00:00', quietHoursEnd: '00:00' } });
    const box = await mailbox();
    const queue = newQueue(new ReminderPlanSettingsRepository(appPrisma));
    const worker = startRemindersWorker({ redisUrl: process.env.REDIS_URL!, reminders: new ReminderRepository(appPrisma), deliveries: new ReminderDeliveryRepository(appPrisma), settings: new ReminderPlanSettingsRepository(appPrisma), email: box.provider, sms: noSms, smsOptOuts: noOptOuts, log, queueName: queue.name });
    try {
      await scheduleAppointmentReminders(queue, { appointmentId: appointment.id, practiceId: practice.id, startsAt: appointment.startsAt, requestId: 'r' });
      for (let i = 0; i < 100 && (await box.messages()).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await box.messages()).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });
});
