import { runInPracticeScope } from '@solace/server-kit';
import { Worker } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';
import { processWaitlistJob, type WaitlistDeps } from './waitlist.processor';
import { WAITLIST_QUEUE, type WaitlistJobData } from './waitlist.queue';

export function startWaitlistWorker(deps: WaitlistDeps & { redisUrl: string; queueName?: string }) {
  const worker = new Worker<WaitlistJobData>(
    deps.queueName ?? WAITLIST_QUEUE,
    // A job carries its practice; row-level security limits it to that practice's rows.
    (job) => runInPracticeScope(job.data.practiceId, () => processWaitlistJob(job.data, deps)),
    // One at a time per worker: offers for the same freed time must not race each other.
    { ...bullmqQueueOptions(deps.redisUrl), concurrency: 1 },
  );
  worker.on('completed', (job, outcome) => deps.log.info({ jobId: job.id, outcome }, 'waitlist job done'));
  worker.on('failed', (job, error) => deps.log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: error }, 'waitlist job failed'));
  worker.on('error', (error) => deps.log.error({ queue: worker.name, err: error }, 'waitlist worker error'));
  return worker;
}
