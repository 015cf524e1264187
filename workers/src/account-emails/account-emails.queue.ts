// Account emails: invitations and password resets for staff, portal invitations and sign-in codes
// for clients. The job carries ids only; the worker creates the single-use token when it runs, so
// the secret never sits in Redis.
import { Queue } from 'bullmq';
import { bullmqQueueOptions } from '../bullmq-connection';

export const ACCOUNT_EMAILS_QUEUE = 'account-emails';
export type AccountEmailPurpose = 'INVITE' | 'RESET' | 'EMAIL_CHANGE' | ClientAccountEmailPurpose;
/** Emails to a client's portal account (userId is then the ClientAccount id). */
export type ClientAccountEmailPurpose = 'CLIENT_INVITE' | 'CLIENT_SIGN_IN';

export interface AccountEmailJobData {
  /** StaffUser id, or ClientAccount id for the CLIENT_ purposes. */
  userId: string;
  practiceId: string;
  purpose: AccountEmailPurpose;
  requestId: string;
  /** EMAIL_CHANGE only: the new address, which the link is sent to (a staff address, never PHI). */
  email?: string;
}

export type AccountEmailsQueue = Queue<AccountEmailJobData>;

export function createAccountEmailsQueue(redisUrl: string, name = ACCOUNT_EMAILS_QUEUE): AccountEmailsQueue {
  return new Queue<AccountEmailJobData>(name, {
    ...bullmqQueueOptions(redisUrl),
    defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } },
  });
}

/** One email per request and purpose, however often the request is retried. */
export async function enqueueAccountEmail(queue: AccountEmailsQueue, data: AccountEmailJobData): Promise<void> {
  await queue.add(`account-${data.purpose.toLowerCase()}`, data, { jobId: `account-${data.purpose}-${data.userId}-${data.requestId}`.replace(/:/g, '-') });
}
