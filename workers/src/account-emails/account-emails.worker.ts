import { runInPracticeScope, type Logger } from '@solace/server-kit';
import { Worker } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';
import type { EmailProvider } from '../email/email-provider';
import type { AccountEmailRepository } from './account-email.repository';
import { processAccountEmail } from './account-emails.processor';
import { ACCOUNT_EMAILS_QUEUE, type AccountEmailJobData } from './account-emails.queue';

export function startAccountEmailsWorker(deps: { redisUrl: string; accounts: AccountEmailRepository; email: EmailProvider; webUrl: string; log: Logger; queueName?: string }) {
  const worker = new Worker<AccountEmailJobData>(
    deps.queueName ?? ACCOUNT_EMAILS_QUEUE,
    // A job carries its practice; row-level security limits it to that practice's rows.
    (job) => runInPracticeScope(job.data.practiceId, () => processAccountEmail(job, deps)),
    { ...bullmqQueueOptions(deps.redisUrl), concurrency: 5 },
  );
  // Ids only in logs: the email and its link are never logged.
  worker.on('completed', (job, outcome) => deps.log.info({ jobId: job.id, purpose: job.data.purpose, outcome }, 'account email done'));
  worker.on('failed', (job, error) => deps.log.warn({ jobId: job?.id, err: error }, 'account email failed'));
  // Without a listener BullMQ drops worker errors (lost Redis connection, stalled-job checks) silently.
  worker.on('error', (error) => deps.log.error({ queue: worker.name, err: error }, 'account-emails worker error'));
  return worker;
}
