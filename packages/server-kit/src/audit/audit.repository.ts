// The only code that touches the AuditEvent table. Appends take a per-practice advisory lock so
// each practice's chain stays a single line even with many subgraph replicas writing at once.
import type { PrismaClient } from '../prisma';
import { auditEventHash, GENESIS_HASH, type AuditAction, type ChainedAuditEvent } from './audit-chain';

export interface AuditActor {
  practiceId: string;
  actorId: string | null;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
}

/** One event to append: who did what, from where. */
export type NewAuditEvent = Omit<AuditActor, 'practiceId'> & AuditEntry;

export interface AuditChainReport {
  valid: boolean;
  checkedEvents: number;
  /** The first event whose link or content no longer matches, when the chain is broken. */
  brokenAtSeq: number | null;
  reason: string | null;
}

const PAGE = 1000;

export class AuditRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async append(practiceId: string, events: NewAuditEvent[], now = new Date()): Promise<void> {
    if (events.length === 0) return;
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`audit:${practiceId}`}, 0))`;
      const last = await tx.auditEvent.findFirst({ where: { practiceId }, orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
      let seq = last?.seq ?? 0;
      let prevHash = last?.hash ?? GENESIS_HASH;
      const rows = events.map((entry) => {
        const event: ChainedAuditEvent = { ...entry, practiceId, seq: ++seq, occurredAt: now, prevHash };
        const hash = auditEventHash(event);
        prevHash = hash;
        return { ...event, hash };
      });
      await tx.auditEvent.createMany({ data: rows });
    });
  }

  /** Walks the practice's chain from the first event, recomputing every link. */
  async verify(practiceId: string): Promise<AuditChainReport> {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    for (;;) {
      const page = await this.prisma.auditEvent.findMany({ where: { practiceId, seq: { gte: expectedSeq } }, orderBy: { seq: 'asc' }, take: PAGE });
      for (const row of page) {
        const broken = (reason: string): AuditChainReport => ({ valid: false, checkedEvents: checked, brokenAtSeq: row.seq, reason });
        if (row.seq !== expectedSeq) return { ...broken(`event ${expectedSeq} is missing`), brokenAtSeq: expectedSeq };
        if (row.prevHash !== prevHash) return broken('the link to the previous event does not match');
        const { hash, id: _id, ...fields } = row;
        if (auditEventHash({ ...fields, action: fields.action as AuditAction }) !== hash) return broken('the event was changed after it was written');
        prevHash = hash;
        expectedSeq++;
        checked++;
      }
      if (page.length < PAGE) return { valid: true, checkedEvents: checked, brokenAtSeq: null, reason: null };
    }
  }

  list(practiceId: string, filter: { entityType?: string; entityId?: string; actorId?: string; beforeSeq?: number }, limit: number) {
    return this.prisma.auditEvent.findMany({
      where: {
        practiceId,
        ...(filter.entityType ? { entityType: filter.entityType } : {}),
        ...(filter.entityId ? { entityId: filter.entityId } : {}),
        ...(filter.actorId ? { actorId: filter.actorId } : {}),
        ...(filter.beforeSeq ? { seq: { lt: filter.beforeSeq } } : {}),
      },
      orderBy: { seq: 'desc' },
      take: limit,
      select: { id: true, seq: true, occurredAt: true, actorId: true, entityType: true, entityId: true, action: true, requestId: true, ip: true, userAgent: true },
    });
  }
}
