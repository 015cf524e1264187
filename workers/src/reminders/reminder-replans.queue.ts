// Re-planning a practice's upcoming reminders after its reminder settings changed: one job per
// change (the job reads the settings when it runs, so a later change is never undone by an earlier
// job). Without it, new offsets or channels would reach only appointments booked or moved later.
import { Queue } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';

export const REMINDER_REPLANS_QUEUE = 'reminder-replans';

export interface ReminderReplanJobData {
  practiceId: string;
  requestId: string;
}

export type ReminderReplansQueue = Queue<ReminderReplanJobData>;

export function createReminderReplansQueue(redisUrl: string, name = REMINDER_REPLANS_QUEUE): ReminderReplansQueue {
  return new Queue<ReminderReplanJobData>(name, {
    ...bullmqQueueOptions(redisUrl),
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 30 * 86_400 } },
  });
}

export async function enqueueReminderReplan(queue: ReminderReplansQueue, data: ReminderReplanJobData, now = new Date()): Promise<string> {
  const jobId = `replan-${data.practiceId}-${now.getTime()}`;
  await queue.add('replan-practice-reminders', data, { jobId });
  return jobId;
}
