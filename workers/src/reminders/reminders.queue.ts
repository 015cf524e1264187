// Appointment reminders: BullMQ delayed jobs at start−48 h and start−2 h. Job ids are
// deterministic (one per appointment and offset), so scheduling twice never sends twice, and
// rescheduling or cancelling finds the jobs to move or remove. Jobs carry ids, never PHI.
import { Queue } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';

export const REMINDERS_QUEUE = 'reminders';

export const REMINDER_OFFSETS = { '48h': 48 * 3600_000, '2h': 2 * 3600_000 } as const;
export type ReminderOffset = keyof typeof REMINDER_OFFSETS;

export interface ReminderJobData {
  appointmentId: string;
  practiceId: string;
  offset: ReminderOffset;
  /** The start time this reminder was planned for; a moved appointment makes the job obsolete. */
  startsAt: string;
  requestId: string;
}

export type RemindersQueue = Queue<ReminderJobData>;

export interface AppointmentForReminders {
  appointmentId: string;
  practiceId: string;
  startsAt: Date;
  requestId: string;
}

export function createRemindersQueue(redisUrl: string, name = REMINDERS_QUEUE): RemindersQueue {
  return new Queue<ReminderJobData>(name, {
    ...bullmqQueueOptions(redisUrl),
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: { age: 7 * 86_400 },
      removeOnFail: { age: 30 * 86_400 },
    },
  });
}

/** BullMQ forbids ':' in custom ids. */
export const reminderJobId = (appointmentId: string, offset: ReminderOffset) => `reminder-${appointmentId}-${offset}`;

export async function scheduleAppointmentReminders(queue: RemindersQueue, appointment: AppointmentForReminders, now = new Date()): Promise<string[]> {
  const scheduled: string[] = [];
  for (const [offset, before] of Object.entries(REMINDER_OFFSETS) as Array<[ReminderOffset, number]>) {
    const delay = appointment.startsAt.getTime() - before - now.getTime();
    if (delay < 0) continue; // that reminder's moment has passed
    const jobId = reminderJobId(appointment.appointmentId, offset);
    await queue.add(
      'appointment-reminder',
      { appointmentId: appointment.appointmentId, practiceId: appointment.practiceId, offset, startsAt: appointment.startsAt.toISOString(), requestId: appointment.requestId },
      { jobId, delay },
    );
    scheduled.push(jobId);
  }
  return scheduled;
}

export async function removeAppointmentReminders(queue: RemindersQueue, appointmentId: string): Promise<void> {
  for (const offset of Object.keys(REMINDER_OFFSETS) as ReminderOffset[]) {
    // remove() answers 0 for a job that is missing or locked by a worker right now; both are fine:
    // a running reminder re-checks the appointment before sending.
    await queue.remove(reminderJobId(appointmentId, offset));
  }
}

/** BullMQ keeps an id while its job exists, so the old jobs go first and the new time is used. */
export async function rescheduleAppointmentReminders(queue: RemindersQueue, appointment: AppointmentForReminders, now = new Date()): Promise<string[]> {
  await removeAppointmentReminders(queue, appointment.appointmentId);
  return scheduleAppointmentReminders(queue, appointment, now);
}
