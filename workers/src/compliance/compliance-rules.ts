// The compliance rules as pure functions: the Georgia defaults, validation of a practice's day
// counts, calendar-day counting in the practice's time zone, which stage a late note or plan has
// reached, and the billing hold. The engine (this folder), the notes subgraph (the rules API) and
// billing (charges, later claims) all decide with these, so they can never disagree.
import { zonedDate, zonedWallTimeToUtc } from '@solace/server-kit';

export interface ComplianceRulesValues {
  noteReminderDay: number;
  noteSupervisorAlertDay: number;
  noteBillingHoldDay: number;
  planReviewReminderDay: number;
  planReviewAlertDay: number;
  planOutOfComplianceDay: number;
  safetyPlanRequired: boolean;
}

/**
 * Georgia's expectations, the defaults for every practice: a note is due within 7 days of the
 * session (reminder on day 5, supervisor alert on day 7) and unbillable after 14; a treatment plan
 * is reviewed every 90 days (reminder on day 80, out of compliance from day 91); a client flagged
 * at risk has a safety plan.
 */
export const GEORGIA_COMPLIANCE_RULES: Readonly<ComplianceRulesValues> = Object.freeze({
  noteReminderDay: 5,
  noteSupervisorAlertDay: 7,
  noteBillingHoldDay: 14,
  planReviewReminderDay: 80,
  planReviewAlertDay: 90,
  planOutOfComplianceDay: 91,
  safetyPlanRequired: true,
});

/** Day counts beyond a year are a typo, not a policy. */
export const COMPLIANCE_MAX_DAY = 365;

export type ComplianceRuleProblemCode = 'DAY_NOT_POSITIVE_INTEGER' | 'DAY_TOO_LARGE' | 'DAYS_OUT_OF_ORDER';
export interface ComplianceRuleProblem {
  field: keyof ComplianceRulesValues;
  code: ComplianceRuleProblemCode;
  message: string;
}

const DAY_FIELDS = ['noteReminderDay', 'noteSupervisorAlertDay', 'noteBillingHoldDay', 'planReviewReminderDay', 'planReviewAlertDay', 'planOutOfComplianceDay'] as const;
const ORDERED: ReadonlyArray<readonly [keyof ComplianceRulesValues, keyof ComplianceRulesValues, string]> = [
  ['noteReminderDay', 'noteSupervisorAlertDay', 'The note reminder must come before the supervisor alert.'],
  ['noteSupervisorAlertDay', 'noteBillingHoldDay', 'The supervisor alert must come before the billing hold.'],
  ['planReviewReminderDay', 'planReviewAlertDay', 'The plan review reminder must come before the review alert.'],
  ['planReviewAlertDay', 'planOutOfComplianceDay', 'The review alert must come before the plan is out of compliance.'],
];

/** Every problem with a set of rules (empty when they are fine): reminder < alert < hold, whole days 1–365. */
export function complianceRuleProblems(rules: ComplianceRulesValues): ComplianceRuleProblem[] {
  const problems: ComplianceRuleProblem[] = [];
  for (const field of DAY_FIELDS) {
    const value = rules[field];
    if (!Number.isInteger(value) || value < 1) problems.push({ field, code: 'DAY_NOT_POSITIVE_INTEGER', message: 'Days must be a whole number of at least 1.' });
    else if (value > COMPLIANCE_MAX_DAY) problems.push({ field, code: 'DAY_TOO_LARGE', message: `Days can be at most ${COMPLIANCE_MAX_DAY}.` });
  }
  if (problems.length > 0) return problems;
  for (const [earlier, later, message] of ORDERED) {
    if ((rules[earlier] as number) >= (rules[later] as number)) problems.push({ field: later, code: 'DAYS_OUT_OF_ORDER', message });
  }
  return problems;
}

const dayNumber = (date: { year: number; month: number; day: number }) => Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;

/** Whole calendar days from `start` to `now` as the practice's clock shows them (0 on the same day). */
export function calendarDaysSince(start: Date, now: Date, timeZone: string): number {
  return dayNumber(zonedDate(now, timeZone)) - dayNumber(zonedDate(start, timeZone));
}

/** Local midnight starting day `day` after `start` (when that stage begins). */
export function startOfDayAfter(start: Date, day: number, timeZone: string): Date {
  const date = zonedDate(start, timeZone);
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + day));
  return zonedWallTimeToUtc({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), hour: 0, minute: 0 }, timeZone);
}

export type NoteAlertKind = 'NOTE_OVERDUE_REMINDER' | 'NOTE_OVERDUE' | 'NOTE_BILLING_HOLD';
export type PlanAlertKind = 'PLAN_REVIEW_DUE' | 'PLAN_REVIEW_OVERDUE' | 'PLAN_OUT_OF_COMPLIANCE';
export type ComplianceAlertKind = NoteAlertKind | PlanAlertKind | 'SAFETY_PLAN_MISSING';
export type ComplianceSeverity = 'INFO' | 'WARNING' | 'CRITICAL';

export const ALERT_SEVERITY: Record<ComplianceAlertKind, ComplianceSeverity> = {
  NOTE_OVERDUE_REMINDER: 'INFO',
  NOTE_OVERDUE: 'WARNING',
  NOTE_BILLING_HOLD: 'CRITICAL',
  PLAN_REVIEW_DUE: 'INFO',
  PLAN_REVIEW_OVERDUE: 'WARNING',
  PLAN_OUT_OF_COMPLIANCE: 'CRITICAL',
  SAFETY_PLAN_MISSING: 'CRITICAL',
};

/** Stages escalate: a later stage outranks an earlier one of the same rule. */
export const ALERT_RANK: Record<ComplianceAlertKind, number> = {
  NOTE_OVERDUE_REMINDER: 1,
  NOTE_OVERDUE: 2,
  NOTE_BILLING_HOLD: 3,
  PLAN_REVIEW_DUE: 1,
  PLAN_REVIEW_OVERDUE: 2,
  PLAN_OUT_OF_COMPLIANCE: 3,
  SAFETY_PLAN_MISSING: 1,
};

export interface Stage<K extends ComplianceAlertKind> {
  kind: K;
  /** The day the stage began (counted from the start). */
  day: number;
}

/** The stage an unsigned note has reached `days` after its service date, or null while on time. */
export function noteStage(days: number, rules: ComplianceRulesValues): Stage<NoteAlertKind> | null {
  if (days >= rules.noteBillingHoldDay) return { kind: 'NOTE_BILLING_HOLD', day: rules.noteBillingHoldDay };
  if (days >= rules.noteSupervisorAlertDay) return { kind: 'NOTE_OVERDUE', day: rules.noteSupervisorAlertDay };
  if (days >= rules.noteReminderDay) return { kind: 'NOTE_OVERDUE_REMINDER', day: rules.noteReminderDay };
  return null;
}

/** The stage an active treatment plan has reached `days` after its last review (or start). */
export function planStage(days: number, rules: ComplianceRulesValues): Stage<PlanAlertKind> | null {
  if (days >= rules.planOutOfComplianceDay) return { kind: 'PLAN_OUT_OF_COMPLIANCE', day: rules.planOutOfComplianceDay };
  if (days >= rules.planReviewAlertDay) return { kind: 'PLAN_REVIEW_OVERDUE', day: rules.planReviewAlertDay };
  if (days >= rules.planReviewReminderDay) return { kind: 'PLAN_REVIEW_DUE', day: rules.planReviewReminderDay };
  return null;
}

/** Statuses that mean the session is documented; anything else still needs a signature. */
export const DOCUMENTED_NOTE_STATUSES: readonly string[] = ['SIGNED', 'AMENDED'];
/** Sessions that took place and need a note (cancelled and no-show visits do not). */
export const NOTE_REQUIRED_APPOINTMENT_STATUSES = ['COMPLETED', 'CHECKED_IN'] as const;

export interface BillingHold {
  reason: 'NOTE_UNSIGNED';
  appointmentId: string;
  noteId: string | null;
  /** Calendar days since the service date. */
  days: number;
  holdDay: number;
}

/**
 * The one billing-hold rule (charges now, claims later): a session whose note is not signed or
 * amended by the practice's hold day cannot be billed. Signing the note releases it at once.
 */
export function billingHold(input: {
  appointmentId: string;
  serviceDate: Date;
  note: { id: string; status: string } | null;
  now: Date;
  timeZone: string;
  rules: Pick<ComplianceRulesValues, 'noteBillingHoldDay'>;
}): BillingHold | null {
  if (input.note && DOCUMENTED_NOTE_STATUSES.includes(input.note.status)) return null;
  const days = calendarDaysSince(input.serviceDate, input.now, input.timeZone);
  if (days < input.rules.noteBillingHoldDay) return null;
  return { reason: 'NOTE_UNSIGNED', appointmentId: input.appointmentId, noteId: input.note?.id ?? null, days, holdDay: input.rules.noteBillingHoldDay };
}
