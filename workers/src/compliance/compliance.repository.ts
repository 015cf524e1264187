// What the compliance engine reads (appointments, notes, supervision, staff: read-only, owned by
// other domains) and writes (ComplianceRules defaults, ComplianceAlert).
import type { PrismaClient } from '@solace/server-kit';
import { GEORGIA_COMPLIANCE_RULES, type ComplianceAlertKind, type ComplianceRulesValues, type ComplianceSeverity } from './compliance-rules';

export type ComplianceRuleFamily = 'NOTE_DOCUMENTATION' | 'PLAN_REVIEW' | 'SAFETY_PLAN';

export interface UndocumentedSession {
  appointmentId: string;
  clientId: string;
  clinicianId: string;
  startsAt: Date;
  noteId: string | null;
}

export interface UnresolvedAlert {
  id: string;
  subjectId: string;
  kind: ComplianceAlertKind;
  status: 'OPEN' | 'ACKNOWLEDGED';
  clinicianId: string;
  supervisorId: string | null;
  escalatedAt: Date | null;
  noteId: string | null;
  startsAt: Date;
  dueAt: Date;
  notifiedKind: ComplianceAlertKind | null;
}

export interface NewAlert {
  practiceId: string;
  rule: ComplianceRuleFamily;
  kind: ComplianceAlertKind;
  severity: ComplianceSeverity;
  subjectId: string;
  clientId: string;
  appointmentId?: string | null;
  noteId?: string | null;
  planId?: string | null;
  clinicianId: string;
  supervisorId: string | null;
  escalatedAt: Date | null;
  startsAt: Date;
  dueAt: Date;
}

const RULE_FIELDS = {
  noteReminderDay: true,
  noteSupervisorAlertDay: true,
  noteBillingHoldDay: true,
  planReviewReminderDay: true,
  planReviewAlertDay: true,
  planOutOfComplianceDay: true,
  safetyPlanRequired: true,
  updatedAt: true,
} as const;

/**
 * A practice's rules, stored with the Georgia defaults the first time they are read (by the engine,
 * the notes subgraph's API and its note deadlines alike).
 */
export async function findOrCreateComplianceRules(prisma: PrismaClient, practiceId: string): Promise<ComplianceRulesValues & { updatedAt: Date }> {
  const found = await prisma.complianceRules.findFirst({ where: { practiceId }, select: RULE_FIELDS });
  if (found) return found;
  await prisma.complianceRules.createMany({ data: [{ practiceId, ...GEORGIA_COMPLIANCE_RULES }], skipDuplicates: true });
  return (await prisma.complianceRules.findFirst({ where: { practiceId }, select: RULE_FIELDS }))!;
}

const ALERT_FIELDS = { id: true, subjectId: true, kind: true, status: true, clinicianId: true, supervisorId: true, escalatedAt: true, noteId: true, startsAt: true, dueAt: true, notifiedKind: true } as const;

export class ComplianceRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The practice's rules; the Georgia defaults are stored the first time they are read. */
  rules(practiceId: string): Promise<ComplianceRulesValues> {
    return findOrCreateComplianceRules(this.prisma, practiceId);
  }

  practice(practiceId: string) {
    return this.prisma.practice.findFirst({ where: { id: practiceId }, select: { id: true, name: true, timeZone: true } });
  }

  /**
   * Sessions that took place (completed or checked in) before `before` and have no signed or
   * amended note. Cancelled and no-show visits need no note.
   */
  undocumentedSessions(practiceId: string, before: Date): Promise<UndocumentedSession[]> {
    return this.prisma.$queryRaw<UndocumentedSession[]>`
      SELECT a.id AS "appointmentId", a."clientId", a."clinicianId", a."startsAt", n.id AS "noteId"
      FROM "Appointment" a
      LEFT JOIN "ClinicalNote" n ON n."appointmentId" = a.id AND n."practiceId" = a."practiceId"
      WHERE a."practiceId" = ${practiceId}::uuid
        AND a.status IN ('COMPLETED', 'CHECKED_IN')
        AND a."startsAt" < ${before}
        AND (n.id IS NULL OR n.status NOT IN ('SIGNED', 'AMENDED'))
      ORDER BY a."startsAt"
      LIMIT 10000`;
  }

  /** Active treatment plans with the date their review clock runs from (last review, else signing). */
  async activePlans(practiceId: string): Promise<Array<{ planId: string; clientId: string; clinicianId: string; since: Date }>> {
    const plans = await this.prisma.treatmentPlan.findMany({
      where: { practiceId, status: 'ACTIVE', signedAt: { not: null } },
      select: { id: true, clientId: true, createdById: true, signedById: true, signedAt: true, lastReviewedAt: true },
      take: 10000,
    });
    return plans.map((p) => ({ planId: p.id, clientId: p.clientId, clinicianId: p.signedById ?? p.createdById, since: p.lastReviewedAt ?? p.signedAt! }));
  }

  /** Clients with an open risk flag and no current safety plan, with who flagged them and when. */
  async atRiskWithoutSafetyPlan(practiceId: string): Promise<Array<{ clientId: string; flaggedById: string; flaggedAt: Date }>> {
    const flags = await this.prisma.clientRiskFlag.findMany({ where: { practiceId, clearedAt: null }, select: { clientId: true, flaggedById: true, flaggedAt: true }, take: 10000 });
    if (flags.length === 0) return [];
    const covered = await this.prisma.safetyPlan.findMany({ where: { practiceId, clientId: { in: flags.map((f) => f.clientId) }, supersededAt: null }, select: { clientId: true } });
    const hasPlan = new Set(covered.map((plan) => plan.clientId));
    return flags.filter((flag) => !hasPlan.has(flag.clientId));
  }

  /** Each clinician's current supervisor (active supervision link), for those who have one. */
  async supervisorsOf(practiceId: string, clinicianIds: string[]): Promise<Map<string, string>> {
    if (clinicianIds.length === 0) return new Map();
    const links = await this.prisma.supervisionLink.findMany({
      where: { practiceId, superviseeId: { in: clinicianIds }, endedAt: null },
      select: { superviseeId: true, supervisorId: true },
      orderBy: { startedAt: 'asc' },
    });
    return new Map(links.map((link) => [link.superviseeId, link.supervisorId]));
  }

  unresolvedAlerts(practiceId: string, rule: ComplianceRuleFamily): Promise<UnresolvedAlert[]> {
    return this.prisma.complianceAlert.findMany({ where: { practiceId, rule, status: { in: ['OPEN', 'ACKNOWLEDGED'] } }, select: ALERT_FIELDS }) as Promise<UnresolvedAlert[]>;
  }

  /** Inserts the alerts that are not open yet (the partial unique index makes a re-run add nothing). */
  async createAlerts(alerts: NewAlert[]): Promise<number> {
    if (alerts.length === 0) return 0;
    return (await this.prisma.complianceAlert.createMany({ data: alerts, skipDuplicates: true })).count;
  }

  /**
   * Moves an alert to another stage. Escalating re-opens an acknowledged alert: a worse state
   * deserves a fresh look. Only while it is unresolved (a fix may have landed meanwhile).
   */
  async moveStage(practiceId: string, id: string, change: { kind: ComplianceAlertKind; severity: ComplianceSeverity; dueAt: Date; supervisorId: string | null; escalatedAt: Date | null; reopen: boolean; noteId: string | null }): Promise<boolean> {
    const { reopen, ...data } = change;
    const { count } = await this.prisma.complianceAlert.updateMany({
      where: { id, practiceId, status: { in: ['OPEN', 'ACKNOWLEDGED'] } },
      data: { ...data, ...(reopen ? { status: 'OPEN', acknowledgedAt: null, acknowledgedById: null } : {}) },
    });
    return count === 1;
  }

  async resolve(practiceId: string, ids: string[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    return (await this.prisma.complianceAlert.updateMany({ where: { practiceId, id: { in: ids }, status: { in: ['OPEN', 'ACKNOWLEDGED'] } }, data: { status: 'RESOLVED', resolvedAt: now } })).count;
  }

  async markNotified(practiceId: string, id: string, kind: ComplianceAlertKind): Promise<void> {
    await this.prisma.complianceAlert.updateMany({ where: { id, practiceId }, data: { notifiedKind: kind } });
  }

  /** Who to email: names and addresses of active staff (no client data). */
  async staffContacts(practiceId: string, ids: string[]): Promise<Map<string, { email: string; displayName: string }>> {
    if (ids.length === 0) return new Map();
    const staff = await this.prisma.staffUser.findMany({ where: { practiceId, id: { in: ids }, active: true }, select: { id: true, email: true, displayName: true } });
    return new Map(staff.map((s) => [s.id, { email: s.email, displayName: s.displayName }]));
  }
}

/** The practices to sweep. Crosses practices by design, so the caller runs it in the system scope. */
export class CompliancePracticesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async practiceIds(): Promise<string[]> {
    return (await this.prisma.practice.findMany({ select: { id: true }, orderBy: { createdAt: 'asc' } })).map((p) => p.id);
  }
}
