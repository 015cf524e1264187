import { runInPracticeScope, type Logger } from '@solace/server-kit';
import { Worker } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';
import { processReminder, type ReminderDeps } from './reminders.processor';
import { REMINDERS_QUEUE, type ReminderJobData } from './reminders.queue';

export function startRemindersWorker(deps: ReminderDeps & { redisUrl: string; log: Logger; queueName?: string }) {
  const worker = new Worker<ReminderJobData>(
    deps.queueName ?? REMINDERS_QUEUE,
    // A job carries its practice; row-level security limits it to that practice's rows.
    (job) => runInPracticeScope(job.data.practiceId, () => processReminder(job, deps)),
    { ...bullmqQueueOptions(deps.redisUrl), concurrency: 5 },
  );
  worker.on('completed', (job, outcome) => deps.log.info({ jobId: job.id, requestId: job.data.requestId, outcome }, 'reminder done'));
  worker.on('failed', (job, error) => deps.log.warn({ jobId: job?.id, requestId: job?.data.requestId, attempts: job?.attemptsMade, err: error }, 'reminder failed'));
  // Without a listener BullMQ drops worker errors (lost Redis connection, stalled-job checks) silently.
  worker.on('error', (error) => deps.log.error({ queue: worker.name, err: error }, 'reminders worker error'));
  return worker;
}
