import { runInPracticeScope, type Logger } from '@solace/server-kit';
import { Worker } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';
import { processCalendarSync, type CalendarSyncDeps } from './calendar-sync.processor';
import { CALENDAR_SYNC_QUEUE, type CalendarSyncJobData } from './calendar-sync.queue';

export function startCalendarSyncWorker(deps: CalendarSyncDeps & { redisUrl: string; log: Logger; queueName?: string }) {
  const worker = new Worker<CalendarSyncJobData>(
    deps.queueName ?? CALENDAR_SYNC_QUEUE,
    (job) => runInPracticeScope(job.data.practiceId, () => processCalendarSync(job.data, deps)),
    { ...bullmqQueueOptions(deps.redisUrl), concurrency: 4 },
  );
  worker.on('completed', (job, outcome) => deps.log.info({ jobId: job.id, outcome }, 'calendar sync done'));
  worker.on('failed', (job, error) => deps.log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: error }, 'calendar sync failed'));
  worker.on('error', (error) => deps.log.error({ queue: worker.name, err: error }, 'calendar sync worker error'));
  return worker;
}
