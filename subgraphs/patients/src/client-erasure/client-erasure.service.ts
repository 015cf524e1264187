// Data-subject erasure (README, "Data subject requests"). Clinical-records retention means the
// record itself stays: what identifies the client on retained notes, visits and charges (name,
// date of birth) is kept, and the contact details, portal access and future visits go. This
// service anonymizes the patients domain at once and hands the rest to the client-erasure job.
// It is idempotent: asking again re-runs the job, so an interrupted erasure can be completed.
import { notFound, type AuthClaims } from '@solace/server-kit';
import type { ClientErasureRepository } from './client-erasure.repository';

export interface ErasureJobs {
  enqueue(job: { clientId: string; practiceId: string; requestId: string }): Promise<void>;
}

export class ClientErasureService {
  constructor(
    private readonly clients: ClientErasureRepository,
    private readonly jobs: ErasureJobs,
  ) {}

  async erase(admin: AuthClaims, clientId: string, requestId: string, now = new Date()): Promise<Date> {
    const found = await this.clients.findStatus(admin.practiceId, clientId);
    if (!found) throw notFound('Client', clientId);
    await this.clients.anonymize(admin.practiceId, clientId, now);
    await this.jobs.enqueue({ clientId, practiceId: admin.practiceId, requestId });
    return found.erasedAt ?? now;
  }
}
