import { runInPracticeScope, type Logger } from '@solace/server-kit';
import { Worker } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';
import type { ReminderRepository } from './reminder.repository';
import { processReminderReplan } from './reminder-replans.processor';
import { REMINDER_REPLANS_QUEUE, type ReminderReplanJobData } from './reminder-replans.queue';
import type { RemindersQueue } from './reminders.queue';

export function startReminderReplansWorker(deps: { redisUrl: string; reminders: ReminderRepository; queue: RemindersQueue; log: Logger; queueName?: string }) {
  const worker = new Worker<ReminderReplanJobData>(
    deps.queueName ?? REMINDER_REPLANS_QUEUE,
    (job) => runInPracticeScope(job.data.practiceId, () => processReminderReplan(job, deps)),
    { ...bullmqQueueOptions(deps.redisUrl), concurrency: 1 },
  );
  worker.on('completed', (job, outcome) => deps.log.info({ jobId: job.id, requestId: job.data.requestId, outcome }, 'reminders re-planned'));
  worker.on('failed', (job, error) => deps.log.warn({ jobId: job?.id, requestId: job?.data.requestId, attempts: job?.attemptsMade, err: error }, 'reminder re-plan failed'));
  worker.on('error', (error) => deps.log.error({ queue: worker.name, err: error }, 'reminder re-plans worker error'));
  return worker;
}
