// The hash chain of the audit trail: each event's hash covers the previous hash and the event's
// own fields, so changing or removing any event breaks every hash after it.
import { createHash } from 'node:crypto';

export const AUDIT_ACTIONS = ['READ', 'CREATE', 'UPDATE', 'DELETE', 'EXPORT'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedAuditEvent {
  practiceId: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: AuditAction;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
}

export function auditEventHash(event: ChainedAuditEvent): string {
  const canonical = JSON.stringify([
    event.practiceId,
    event.seq,
    event.occurredAt.toISOString(),
    event.actorId,
    event.entityType,
    event.entityId,
    event.action,
    event.requestId,
    event.ip,
    event.userAgent,
  ]);
  return createHash('sha256').update(event.prevHash).update('\n').update(canonical).digest('hex');
}
