import type { PrismaClient } from '@solace/server-kit';
import { findOrCreateComplianceRules, type ComplianceRulesValues } from '@solace/workers';
import type { ComplianceAlert, ComplianceAlertKind, ComplianceAlertStatus, ComplianceSeverity } from './compliance.type';

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

const ALERT_FIELDS = {
  id: true,
  rule: true,
  kind: true,
  severity: true,
  status: true,
  clientId: true,
  appointmentId: true,
  noteId: true,
  planId: true,
  clinicianId: true,
  supervisorId: true,
  escalatedAt: true,
  startsAt: true,
  dueAt: true,
  acknowledgedById: true,
  acknowledgedAt: true,
  resolvedAt: true,
  createdAt: true,
} as const;

export type StoredRules = ComplianceRulesValues & { updatedAt: Date };
/** An alert as stored (Prisma's enum strings are the GraphQL enums' values). */
export type StoredAlert = Omit<ComplianceAlert, 'daysLate' | 'daysOverdue'>;

export interface AlertFilter {
  /** null: every clinician in the practice. */
  clinicianIds: string[] | null;
  statuses: ComplianceAlertStatus[];
  severities?: ComplianceSeverity[];
  kinds?: ComplianceAlertKind[];
}

export class ComplianceRulesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The practice's rules, stored with the Georgia defaults the first time they are read. */
  findOrCreate(practiceId: string): Promise<StoredRules> {
    return findOrCreateComplianceRules(this.prisma, practiceId);
  }

  async save(practiceId: string, values: ComplianceRulesValues, updatedById: string): Promise<StoredRules> {
    return this.prisma.complianceRules.upsert({
      where: { practiceId },
      create: { practiceId, ...values, updatedById },
      update: { ...values, updatedById },
      select: RULE_FIELDS,
    });
  }
}

export class ComplianceAlertRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async practiceTimeZone(practiceId: string): Promise<string> {
    return (await this.prisma.practice.findFirst({ where: { id: practiceId }, select: { timeZone: true } }))?.timeZone ?? 'UTC';
  }

  list(practiceId: string, filter: AlertFilter): Promise<StoredAlert[]> {
    return this.prisma.complianceAlert.findMany({
      where: {
        practiceId,
        status: { in: filter.statuses },
        ...(filter.clinicianIds ? { clinicianId: { in: filter.clinicianIds } } : {}),
        ...(filter.severities?.length ? { severity: { in: filter.severities } } : {}),
        ...(filter.kinds?.length ? { kind: { in: filter.kinds } } : {}),
      },
      select: ALERT_FIELDS,
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: 500,
    }) as Promise<StoredAlert[]>;
  }

  count(practiceId: string, filter: AlertFilter): Promise<number> {
    return this.prisma.complianceAlert.count({
      where: { practiceId, status: { in: filter.statuses }, ...(filter.clinicianIds ? { clinicianId: { in: filter.clinicianIds } } : {}) },
    });
  }

  find(practiceId: string, id: string): Promise<StoredAlert | null> {
    return this.prisma.complianceAlert.findFirst({ where: { id, practiceId }, select: ALERT_FIELDS }) as Promise<StoredAlert | null>;
  }

  /** OPEN → ACKNOWLEDGED; false when it was not open (acknowledged or resolved meanwhile). */
  async acknowledge(practiceId: string, id: string, userId: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.complianceAlert.updateMany({ where: { id, practiceId, status: 'OPEN' }, data: { status: 'ACKNOWLEDGED', acknowledgedById: userId, acknowledgedAt: at } });
    return count === 1;
  }

  /** A signed note settles its session's note alert (whatever its stage). */
  async resolveForAppointment(practiceId: string, appointmentId: string, at: Date): Promise<void> {
    await this.prisma.complianceAlert.updateMany({
      where: { practiceId, rule: 'NOTE_DOCUMENTATION', subjectId: appointmentId, status: { in: ['OPEN', 'ACKNOWLEDGED'] } },
      data: { status: 'RESOLVED', resolvedAt: at },
    });
  }
}
