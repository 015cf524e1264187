// Data-subject erasure, the part beyond the patients domain. eraseClient (patients subgraph)
// anonymizes the client record in its own transaction and enqueues this job; the job removes the
// portal account and its sessions and sign-in tokens, and cancels future visits and their
// reminders. What stays, and why, is in the README ("Data subject requests").
import { Queue } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';

export const CLIENT_ERASURE_QUEUE = 'client-erasure';

export interface ClientErasureJobData {
  clientId: string;
  practiceId: string;
  requestId: string;
}

export type ClientErasureQueue = Queue<ClientErasureJobData>;

export function createClientErasureQueue(redisUrl: string, name = CLIENT_ERASURE_QUEUE): ClientErasureQueue {
  return new Queue<ClientErasureJobData>(name, {
    ...bullmqQueueOptions(redisUrl),
    defaultJobOptions: { attempts: 10, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { age: 7 * 86_400 }, removeOnFail: false },
  });
}

/** One job per client: asking again while it waits adds nothing; after it ran, it runs again (idempotent). */
export async function enqueueClientErasure(queue: ClientErasureQueue, data: ClientErasureJobData): Promise<void> {
  await queue.add('erase-client', data, { jobId: `erase-${data.clientId}-${data.requestId}`.replace(/:/g, '-') });
}
