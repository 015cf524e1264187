// How identity asks for account emails: a job on the workers' queue, after the change committed.
import type { AccountEmailJobData } from '@solace/workers';

export interface AccountEmailSender {
  send(job: AccountEmailJobData): Promise<void>;
}
