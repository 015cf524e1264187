import { runInPracticeScope, runInSystemScope, type Logger } from '@solace/server-kit';
import { Worker } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';
import type { EmailProvider } from '../email/email-provider';
import { runComplianceEngine } from './compliance.engine';
import { enqueuePracticeRun, COMPLIANCE_QUEUE, type ComplianceJobData, type ComplianceQueue } from './compliance.queue';
import type { CompliancePracticesRepository, ComplianceRepository } from './compliance.repository';

export interface ComplianceWorkerDeps {
  redisUrl: string;
  queueName?: string;
  queue: ComplianceQueue;
  compliance: ComplianceRepository;
  practices: CompliancePracticesRepository;
  email: EmailProvider;
  webUrl: string;
  log: Logger;
  now?: () => Date;
}

export function startComplianceWorker(deps: ComplianceWorkerDeps) {
  const worker = new Worker<ComplianceJobData>(
    deps.queueName ?? COMPLIANCE_QUEUE,
    async (job) => {
      const now = deps.now?.() ?? new Date();
      if (job.data.kind === 'sweep') {
        // Listing practices crosses tenants (ids only); each practice then runs in its own scope.
        const ids = await runInSystemScope(() => deps.practices.practiceIds());
        for (const practiceId of ids) await enqueuePracticeRun(deps.queue, practiceId, now);
        return { practices: ids.length };
      }
      const { practiceId } = job.data;
      return runInPracticeScope(practiceId, () => runComplianceEngine(practiceId, now, deps));
    },
    // One practice at a time per worker: runs are idempotent, but the engine reads then writes.
    { ...bullmqQueueOptions(deps.redisUrl), concurrency: 1 },
  );
  worker.on('completed', (job, outcome) => deps.log.info({ jobId: job.id, outcome }, 'compliance job done'));
  worker.on('failed', (job, error) => deps.log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: error }, 'compliance job failed'));
  worker.on('error', (error) => deps.log.error({ queue: worker.name, err: error }, 'compliance worker error'));
  return worker;
}
