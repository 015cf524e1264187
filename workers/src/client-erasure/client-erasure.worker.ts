import { runInPracticeScope, type Logger, type Redis } from '@solace/server-kit';
import { Worker } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';
import type { RemindersQueue } from '../reminders/reminders.queue';
import type { ClientErasureRepository } from './client-erasure.repository';
import { processClientErasure } from './client-erasure.processor';
import { CLIENT_ERASURE_QUEUE, type ClientErasureJobData } from './client-erasure.queue';

export function startClientErasureWorker(deps: { redisUrl: string; erasure: ClientErasureRepository; redis: Redis; reminders: RemindersQueue; log: Logger; queueName?: string }) {
  const worker = new Worker<ClientErasureJobData>(
    deps.queueName ?? CLIENT_ERASURE_QUEUE,
    // A job carries its practice; row-level security limits it to that practice's rows.
    (job) => runInPracticeScope(job.data.practiceId, () => processClientErasure(job, deps)),
    { ...bullmqQueueOptions(deps.redisUrl), concurrency: 2 },
  );
  worker.on('completed', (job, outcome) => deps.log.info({ jobId: job.id, requestId: job.data.requestId, outcome }, 'client erasure done'));
  worker.on('failed', (job, error) => deps.log.warn({ jobId: job?.id, requestId: job?.data.requestId, attempts: job?.attemptsMade, err: error }, 'client erasure failed'));
  worker.on('error', (error) => deps.log.error({ queue: worker.name, err: error }, 'client erasure worker error'));
  return worker;
}
