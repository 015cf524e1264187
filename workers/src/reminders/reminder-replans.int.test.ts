// Re-planning a practice's upcoming reminders after its settings changed, on real Redis and PostgreSQL.
import { createPrismaClient } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff } from '../../../test/support/factories';
import { ReminderRepository } from './reminder.repository';
import { processReminderReplan } from './reminder-replans.processor';
import { createReminderReplansQueue, enqueueReminderReplan } from './reminder-replans.queue';
import { ReminderPlanSettingsRepository } from './reminder-settings.repository';
import { createRemindersQueue, reminderJobId, scheduleAppointmentReminders } from './reminders.queue';

const prisma = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 2 });
const queue = createRemindersQueue(process.env.REDIS_URL!, `reminders-test-${randomUUID()}`, new ReminderPlanSettingsRepository(prisma));
const replans = createReminderReplansQueue(process.env.REDIS_URL!, `reminder-replans-test-${randomUUID()}`);
afterAll(async () => {
  for (const q of [queue, replans]) {
    await q.obliterate({ force: true });
    await q.close();
  }
  await prisma.$disconnect();
});

const now = new Date('2030-05-01T12:00:00Z');

describe('re-planning reminders after a settings change', () => {
  it("moves every upcoming visit's reminders onto the new settings and leaves past and cancelled visits alone", async () => {
    const practice = await createTestPractice(undefined, { timeZone: 'UTC' });
    await prisma.reminderSettings.create({ data: { practiceId: practice.id, quietHoursStart: '00:00', quietHoursEnd: '00:00' } });
    const clinician = await createTestStaff(practice);
    const client = await createTestClient(practice);
    const visit = (startsAt: string, status: 'SCHEDULED' | 'CANCELLED' = 'SCHEDULED') => createTestAppointment(practice, client, clinician, { startsAt: new Date(startsAt), status });
    const [soon, later, cancelled, past] = [await visit('2030-05-05T15:00:00Z'), await visit('2030-05-12T15:00:00Z'), await visit('2030-05-06T15:00:00Z', 'CANCELLED'), await visit('2030-04-20T15:00:00Z')];
    for (const a of [soon, later]) await scheduleAppointmentReminders(queue, { appointmentId: a.id, practiceId: practice.id, startsAt: a.startsAt, requestId: 'r' }, now);
    expect(await queue.getJob(reminderJobId(soon.id, 2880, 'SMS'))).toBeDefined();

    await prisma.reminderSettings.update({ where: { practiceId: practice.id }, data: { channels: ['EMAIL'], offsetsMinutes: [60] } });
    expect(await processReminderReplan({ data: { practiceId: practice.id, requestId: 'r2' } }, { reminders: new ReminderRepository(prisma), queue, now: () => now })).toEqual({ replanned: 2 });

    const delayed = await queue.getDelayed();
    const ids = delayed.map((job) => job.id).sort();
    expect(ids).toEqual([reminderJobId(soon.id, 60, 'EMAIL'), reminderJobId(later.id, 60, 'EMAIL')].sort());
    expect(delayed.find((job) => job.id === reminderJobId(soon.id, 60, 'EMAIL'))!.opts.delay).toBe(new Date('2030-05-05T14:00:00Z').getTime() - now.getTime());
    expect(ids.some((id) => id!.includes(cancelled.id) || id!.includes(past.id))).toBe(false);
  });

  it('queues one job per change, so a later change is never skipped', async () => {
    const practiceId = randomUUID();
    const first = await enqueueReminderReplan(replans, { practiceId, requestId: 'a' }, new Date('2030-05-01T12:00:00Z'));
    const second = await enqueueReminderReplan(replans, { practiceId, requestId: 'b' }, new Date('2030-05-01T12:00:01Z'));
    expect(first).not.toBe(second);
    expect((await replans.getWaiting()).map((job) => job.data.requestId).sort()).toEqual(['a', 'b']);
  });
});
