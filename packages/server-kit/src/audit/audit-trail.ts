// One request's audit events, collected while resolvers run and written in one append before the
// response leaves the subgraph (see subgraph-server.ts), so a response never discloses PHI whose
// reading was not recorded.
import type { AuditBatcher } from './audit-batcher';
import type { AuditActor, AuditEntry } from './audit.repository';
import type { AuditAction } from './audit-chain';

export class AuditTrail {
  private pending: AuditEntry[] = [];
  // What is already pending, so a list of hundreds of entities is deduplicated in linear time.
  private recorded = new Set<string>();

  constructor(
    private readonly batcher: AuditBatcher,
    private readonly actor: AuditActor | null,
  ) {}

  record(action: AuditAction, entityType: string, entityIds: string | string[]): void {
    // Without a signed-in user there is no practice to file it under; such calls read no PHI.
    if (!this.actor) return;
    for (const entityId of Array.isArray(entityIds) ? entityIds : [entityIds]) {
      const key = `${action} ${entityType} ${entityId}`;
      if (this.recorded.has(key)) continue;
      this.recorded.add(key);
      this.pending.push({ action, entityType, entityId });
    }
  }

  async flush(): Promise<void> {
    if (!this.actor || this.pending.length === 0) return;
    const { practiceId, ...who } = this.actor;
    const events = this.pending.map((entry) => ({ ...who, ...entry }));
    this.pending = [];
    this.recorded = new Set();
    await this.batcher.append(practiceId, events);
  }
}
