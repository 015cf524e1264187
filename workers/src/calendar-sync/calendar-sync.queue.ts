// Two-way sync with clinicians' outside calendars: `pull` copies busy time in (every 10 minutes per
// connection, and at once when connected), `push` mirrors an appointment out after each change.
import { Queue } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';

export const CALENDAR_SYNC_QUEUE = 'calendar-sync';
export const PULL_EVERY_MS = 10 * 60_000;
/** How far ahead busy time is copied (beyond the online booking horizon's default of 60 days). */
export const PULL_HORIZON_DAYS = 90;

export type CalendarSyncJobData = { kind: 'pull'; practiceId: string; connectionId: string } | { kind: 'push'; practiceId: string; appointmentId: string };

export type CalendarSyncQueue = Queue<CalendarSyncJobData>;

export function createCalendarSyncQueue(redisUrl: string, name = CALENDAR_SYNC_QUEUE): CalendarSyncQueue {
  return new Queue<CalendarSyncJobData>(name, {
    ...bullmqQueueOptions(redisUrl),
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { age: 3_600 }, removeOnFail: { age: 7 * 86_400 } },
  });
}

/** Pulls now and every 10 minutes until the connection is removed. */
export async function schedulePulls(queue: CalendarSyncQueue, connection: { practiceId: string; connectionId: string }): Promise<void> {
  const data: CalendarSyncJobData = { kind: 'pull', ...connection };
  await queue.upsertJobScheduler(`pull-${connection.connectionId}`, { every: PULL_EVERY_MS }, { name: 'pull', data });
  await queue.add('pull', data, { jobId: `pull-now-${connection.connectionId}-${Date.now()}` });
}

export async function stopPulls(queue: CalendarSyncQueue, connectionId: string): Promise<void> {
  await queue.removeJobScheduler(`pull-${connectionId}`);
}

/** Mirrors an appointment after a change; a burst of changes collapses into one push while it waits. */
export async function enqueuePush(queue: CalendarSyncQueue, appointment: { practiceId: string; appointmentId: string }): Promise<void> {
  await queue.add('push', { kind: 'push', ...appointment }, { jobId: `push-${appointment.appointmentId}-${Date.now()}`, delay: 0 });
}
