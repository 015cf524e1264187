// The compliance engine's queue: an hourly `sweep` (a BullMQ job scheduler) fans out one `practice`
// job per practice, which runs the engine in that practice's row-level-security scope. Hourly so a
// practice's day boundary (its own time zone) is seen within the hour.
import { Queue } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';

export const COMPLIANCE_QUEUE = 'compliance';
export const COMPLIANCE_SWEEP_EVERY_MS = 60 * 60_000;

export type ComplianceJobData = { kind: 'sweep' } | { kind: 'practice'; practiceId: string; requestId: string };

export type ComplianceQueue = Queue<ComplianceJobData>;

export function createComplianceQueue(redisUrl: string, name = COMPLIANCE_QUEUE): ComplianceQueue {
  return new Queue<ComplianceJobData>(name, {
    ...bullmqQueueOptions(redisUrl),
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
  });
}

/** Idempotent: the scheduler is keyed, so every worker start leaves one hourly sweep. */
export async function scheduleComplianceSweeps(queue: ComplianceQueue): Promise<void> {
  await queue.upsertJobScheduler('compliance-sweep', { every: COMPLIANCE_SWEEP_EVERY_MS }, { name: 'sweep', data: { kind: 'sweep' } });
}

/** One practice run per practice and hour: a repeated sweep in the same hour adds nothing. */
export async function enqueuePracticeRun(queue: ComplianceQueue, practiceId: string, now: Date): Promise<void> {
  const hour = Math.floor(now.getTime() / COMPLIANCE_SWEEP_EVERY_MS);
  await queue.add('practice', { kind: 'practice', practiceId, requestId: `compliance-${hour}` }, { jobId: `practice-${practiceId}-${hour}` });
}
