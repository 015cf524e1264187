// The compliance engine for one practice at one instant. For each rule it works out what is late
// and how late (in the practice's calendar days) — sessions without a signed note, treatment plans
// due for review, clients at risk without a safety plan — opens one alert per subject, moves it up
// the stages as days pass (e.g. reminder → supervisor alert → billing hold), resolves it once the
// cause is fixed, and emails the clinician and then the supervisor once each (compliance-emails.ts).
// Every step is safe to repeat: the unique index keeps one unresolved alert per session, stage
// moves are conditional updates, and emails carry idempotency keys.
import type { Logger } from '@solace/server-kit';
import type { EmailProvider } from '../email/email-provider';
import { sendComplianceEmails } from './compliance-emails';
import {
  ALERT_RANK,
  ALERT_SEVERITY,
  calendarDaysSince,
  noteStage,
  planStage,
  startOfDayAfter,
  type ComplianceAlertKind,
  type ComplianceRulesValues,
} from './compliance-rules';
import type { ComplianceRepository, ComplianceRuleFamily, NewAlert } from './compliance.repository';

export interface ComplianceEngineDeps {
  compliance: ComplianceRepository;
  email: EmailProvider;
  webUrl: string;
  log: Logger;
}

export interface ComplianceRunSummary {
  created: number;
  escalated: number;
  resolved: number;
  emailed: number;
}

const DAY_MS = 86_400_000;

export async function runComplianceEngine(practiceId: string, now: Date, deps: ComplianceEngineDeps): Promise<ComplianceRunSummary> {
  const practice = await deps.compliance.practice(practiceId);
  if (!practice) return { created: 0, escalated: 0, resolved: 0, emailed: 0 };
  const rules = await deps.compliance.rules(practiceId);
  const runs = [
    await reconcile(practiceId, 'NOTE_DOCUMENTATION', await lateNotes(practiceId, practice.timeZone, rules, now, deps), now, deps),
    await reconcile(practiceId, 'PLAN_REVIEW', await plansDueForReview(practiceId, practice.timeZone, rules, now, deps), now, deps),
    await reconcile(practiceId, 'SAFETY_PLAN', await missingSafetyPlans(practiceId, rules, deps), now, deps),
  ];
  const summary = runs.reduce((sum, run) => ({ created: sum.created + run.created, escalated: sum.escalated + run.escalated, resolved: sum.resolved + run.resolved, emailed: 0 }));
  summary.emailed = await sendComplianceEmails(practiceId, practice, rules, deps);
  return summary;
}

/** An alert the rules say should be open now, before it is compared with what is stored. */
interface DueAlert {
  subjectId: string;
  kind: ComplianceAlertKind;
  clientId: string;
  clinicianId: string;
  appointmentId?: string | null;
  noteId?: string | null;
  planId?: string | null;
  startsAt: Date;
  dueAt: Date;
}

/** Sessions documented late: no note, or a note not yet signed or amended, past the reminder day. */
async function lateNotes(practiceId: string, timeZone: string, rules: ComplianceRulesValues, now: Date, deps: ComplianceEngineDeps): Promise<DueAlert[]> {
  // A day of margin either side of the time-zone offset; the exact count is taken per session.
  const before = new Date(now.getTime() - (rules.noteReminderDay - 1) * DAY_MS);
  const due: DueAlert[] = [];
  for (const session of await deps.compliance.undocumentedSessions(practiceId, before)) {
    const stage = noteStage(calendarDaysSince(session.startsAt, now, timeZone), rules);
    if (!stage) continue;
    due.push({ ...session, subjectId: session.appointmentId, kind: stage.kind, dueAt: startOfDayAfter(session.startsAt, rules.noteSupervisorAlertDay, timeZone) });
  }
  return due;
}

/** Active treatment plans whose review is coming due or late, counted from the last review (or signing). */
async function plansDueForReview(practiceId: string, timeZone: string, rules: ComplianceRulesValues, now: Date, deps: ComplianceEngineDeps): Promise<DueAlert[]> {
  const due: DueAlert[] = [];
  for (const plan of await deps.compliance.activePlans(practiceId)) {
    const stage = planStage(calendarDaysSince(plan.since, now, timeZone), rules);
    if (!stage) continue;
    due.push({ subjectId: plan.planId, planId: plan.planId, clientId: plan.clientId, clinicianId: plan.clinicianId, kind: stage.kind, startsAt: plan.since, dueAt: startOfDayAfter(plan.since, rules.planReviewAlertDay, timeZone) });
  }
  return due;
}

/** Clients flagged at risk without a current safety plan (when the practice requires one). */
async function missingSafetyPlans(practiceId: string, rules: ComplianceRulesValues, deps: ComplianceEngineDeps): Promise<DueAlert[]> {
  if (!rules.safetyPlanRequired) return [];
  return (await deps.compliance.atRiskWithoutSafetyPlan(practiceId)).map((flag) => ({
    subjectId: flag.clientId,
    clientId: flag.clientId,
    clinicianId: flag.flaggedById,
    kind: 'SAFETY_PLAN_MISSING' as const,
    startsAt: flag.flaggedAt,
    dueAt: flag.flaggedAt,
  }));
}

/**
 * Makes the stored alerts of one rule match what is due: resolves those no longer due, opens the
 * new ones, and moves the others to their current stage (escalating re-opens an acknowledged one).
 */
async function reconcile(practiceId: string, rule: ComplianceRuleFamily, due: DueAlert[], now: Date, deps: ComplianceEngineDeps): Promise<ComplianceRunSummary> {
  const dueBySubject = new Map(due.map((alert) => [alert.subjectId, alert]));
  const unresolved = await deps.compliance.unresolvedAlerts(practiceId, rule);
  const resolved = await deps.compliance.resolve(
    practiceId,
    unresolved.filter((alert) => !dueBySubject.has(alert.subjectId)).map((alert) => alert.id),
    now,
  );

  const supervisors = await deps.compliance.supervisorsOf(practiceId, [...new Set(due.map((d) => d.clinicianId))]);
  const existing = new Map(unresolved.map((alert) => [alert.subjectId, alert]));
  const fresh: NewAlert[] = [];
  let escalated = 0;
  for (const item of dueBySubject.values()) {
    const escalation = escalationFor(item.kind, supervisors.get(item.clinicianId) ?? null, now);
    const alert = existing.get(item.subjectId);
    if (!alert) {
      fresh.push({ practiceId, rule, severity: ALERT_SEVERITY[item.kind], ...item, ...escalation });
      continue;
    }
    const noteId = item.noteId ?? null;
    if (alert.kind === item.kind && alert.noteId === noteId && alert.dueAt.getTime() === item.dueAt.getTime()) continue;
    const rising = ALERT_RANK[item.kind] > ALERT_RANK[alert.kind];
    // Keep the first escalation's time and supervisor; a rule change that lowers the stage drops it.
    const stillEscalated = escalation.escalatedAt !== null;
    const moved = await deps.compliance.moveStage(practiceId, alert.id, {
      kind: item.kind,
      severity: ALERT_SEVERITY[item.kind],
      dueAt: item.dueAt,
      noteId,
      supervisorId: stillEscalated ? (alert.supervisorId ?? escalation.supervisorId) : null,
      escalatedAt: stillEscalated ? (alert.escalatedAt ?? escalation.escalatedAt) : null,
      reopen: rising,
    });
    if (moved && rising) escalated++;
  }
  const created = await deps.compliance.createAlerts(fresh);
  return { created, escalated, resolved, emailed: 0 };
}

/**
 * Warnings and critical alerts are escalated: to the supervisor when the clinician is a supervisee
 * (admins see every alert). Reminders (INFO) stay with the clinician.
 */
function escalationFor(kind: ComplianceAlertKind, supervisorId: string | null, now: Date): { supervisorId: string | null; escalatedAt: Date | null } {
  return ALERT_SEVERITY[kind] === 'INFO' ? { supervisorId: null, escalatedAt: null } : { supervisorId, escalatedAt: now };
}
