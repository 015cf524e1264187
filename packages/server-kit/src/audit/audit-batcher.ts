// Group commit for the audit trail. Appends to one practice's chain are serialised (advisory lock),
// so one transaction per request would cap a busy practice at one request per commit. Instead,
// events that arrive while a practice's append is in flight wait and go together in the next one:
// every request still waits until its events are durable, but many requests share a commit.
import type { AuditRepository, NewAuditEvent } from './audit.repository';

interface Pending {
  events: NewAuditEvent[];
  waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

export class AuditBatcher {
  private readonly pending = new Map<string, Pending>();
  private readonly draining = new Set<string>();

  constructor(private readonly repository: AuditRepository) {}

  append(practiceId: string, events: NewAuditEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let queue = this.pending.get(practiceId);
      if (!queue) this.pending.set(practiceId, (queue = { events: [], waiters: [] }));
      queue.events.push(...events);
      queue.waiters.push({ resolve, reject });
      if (!this.draining.has(practiceId)) void this.drain(practiceId);
    });
  }

  private async drain(practiceId: string): Promise<void> {
    this.draining.add(practiceId);
    try {
      for (let batch = this.pending.get(practiceId); batch; batch = this.pending.get(practiceId)) {
        this.pending.delete(practiceId);
        try {
          await this.repository.append(practiceId, batch.events);
          batch.waiters.forEach((waiter) => waiter.resolve());
        } catch (error) {
          batch.waiters.forEach((waiter) => waiter.reject(error));
        }
      }
    } finally {
      this.draining.delete(practiceId);
    }
  }
}
