// Appointment reminders: one BullMQ delayed job per appointment, offset and channel, planned from
// the practice's settings (reminder-plan.ts). Job ids are deterministic, so scheduling twice never
// sends twice. Which offsets a practice uses can change between booking and cancelling, so the ids
// scheduled for an appointment are also listed in Redis: rescheduling and cancelling remove
// exactly those. Jobs carry ids, never PHI.
import { Queue } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';
import { planReminders } from './reminder-plan';
import type { ReminderChannel, ReminderPlanSettings, ReminderSettingsSource } from './reminder-settings';

export const REMINDERS_QUEUE = 'reminders';

export interface ReminderJobData {
  appointmentId: string;
  practiceId: string;
  offsetMinutes: number;
  channel: ReminderChannel;
  /** The start time this reminder was planned for; a moved appointment makes the job obsolete. */
  startsAt: string;
  requestId: string;
}

export interface AppointmentForReminders {
  appointmentId: string;
  practiceId: string;
  startsAt: Date;
  requestId: string;
}

/** A reminders queue that knows where practices' settings come from (needed to schedule, not to remove). */
export class RemindersQueue extends Queue<ReminderJobData> {
  constructor(
    name: string,
    redisUrl: string,
    readonly settings?: ReminderSettingsSource,
  ) {
    super(name, {
      ...bullmqQueueOptions(redisUrl),
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: 'exponential', delay: 30_000 },
        removeOnComplete: { age: 7 * 86_400 },
        removeOnFail: { age: 30 * 86_400 },
      },
    });
  }

  /** The Redis key listing the job ids scheduled for an appointment (beside BullMQ's own keys). */
  scheduledKey(appointmentId: string) {
    return `${this.opts.prefix ?? 'bull'}:${this.name}:scheduled-for:${appointmentId}`;
  }
}

export function createRemindersQueue(redisUrl: string, name = REMINDERS_QUEUE, settings?: ReminderSettingsSource): RemindersQueue {
  return new RemindersQueue(name, redisUrl, settings);
}

/** BullMQ forbids ':' in custom ids. */
export const reminderJobId = (appointmentId: string, offsetMinutes: number, channel: ReminderChannel) => `reminder-${appointmentId}-${offsetMinutes}-${channel.toLowerCase()}`;

/** Ids of the two fixed reminders scheduled before settings existed; removed too, so none is sent twice. */
const legacyJobIds = (appointmentId: string) => [`reminder-${appointmentId}-48h`, `reminder-${appointmentId}-2h`];

/** `preloaded`: the practice's settings when the caller already has them (re-planning a whole practice). */
export async function scheduleAppointmentReminders(queue: RemindersQueue, appointment: AppointmentForReminders, now = new Date(), preloaded?: ReminderPlanSettings): Promise<string[]> {
  if (!preloaded && !queue.settings) throw new Error('This reminders queue was created without a settings source; it can only remove reminders.');
  const settings = preloaded ?? (await queue.settings!.forPractice(appointment.practiceId));
  const planned = planReminders(appointment.startsAt, settings, now);
  if (planned.length === 0) return [];
  const jobIds = planned.map(({ offsetMinutes, channel }) => reminderJobId(appointment.appointmentId, offsetMinutes, channel));
  // Recorded before the jobs are added: a cancel racing this call then finds every id it must remove.
  const redis = await queue.client;
  const key = queue.scheduledKey(appointment.appointmentId);
  const known = await scheduledIds(queue, appointment.appointmentId);
  const keepFor = appointment.startsAt.getTime() + 86_400_000 - now.getTime();
  await redis.set(key, JSON.stringify([...new Set([...known, ...jobIds])]), { PX: keepFor });
  await queue.addBulk(
    planned.map(({ offsetMinutes, channel, sendAt }, i) => ({
      name: 'appointment-reminder',
      data: { appointmentId: appointment.appointmentId, practiceId: appointment.practiceId, offsetMinutes, channel, startsAt: appointment.startsAt.toISOString(), requestId: appointment.requestId },
      opts: { jobId: jobIds[i], delay: sendAt.getTime() - now.getTime() },
    })),
  );
  return jobIds;
}

export async function removeAppointmentReminders(queue: RemindersQueue, appointmentId: string): Promise<void> {
  const redis = await queue.client;
  const key = queue.scheduledKey(appointmentId);
  for (const jobId of [...(await scheduledIds(queue, appointmentId)), ...legacyJobIds(appointmentId)]) {
    // remove() answers 0 for a job that is missing or locked by a worker right now; both are fine:
    // a running reminder re-checks the appointment before sending.
    await queue.remove(jobId);
  }
  await redis.del(key);
}

async function scheduledIds(queue: RemindersQueue, appointmentId: string): Promise<string[]> {
  const listed = await (await queue.client).get(queue.scheduledKey(appointmentId));
  return listed ? (JSON.parse(listed) as string[]) : [];
}

/** BullMQ keeps an id while its job exists, so the old jobs go first and the new time is used. */
export async function rescheduleAppointmentReminders(queue: RemindersQueue, appointment: AppointmentForReminders, now = new Date(), preloaded?: ReminderPlanSettings): Promise<string[]> {
  await removeAppointmentReminders(queue, appointment.appointmentId);
  return scheduleAppointmentReminders(queue, appointment, now, preloaded);
}
