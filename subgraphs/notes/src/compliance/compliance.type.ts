import { ClientRef, StaffUserRef } from '@solace/server-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ComplianceRule {
  NOTE_DOCUMENTATION = 'NOTE_DOCUMENTATION',
  PLAN_REVIEW = 'PLAN_REVIEW',
  SAFETY_PLAN = 'SAFETY_PLAN',
}
export enum ComplianceAlertKind {
  NOTE_OVERDUE_REMINDER = 'NOTE_OVERDUE_REMINDER',
  NOTE_OVERDUE = 'NOTE_OVERDUE',
  NOTE_BILLING_HOLD = 'NOTE_BILLING_HOLD',
  PLAN_REVIEW_DUE = 'PLAN_REVIEW_DUE',
  PLAN_REVIEW_OVERDUE = 'PLAN_REVIEW_OVERDUE',
  PLAN_OUT_OF_COMPLIANCE = 'PLAN_OUT_OF_COMPLIANCE',
  SAFETY_PLAN_MISSING = 'SAFETY_PLAN_MISSING',
}
export enum ComplianceSeverity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}
export enum ComplianceAlertStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
}
/** Whose alerts, widest first: the practice's (admins), the team's (supervisors: theirs and their supervisees'), or the caller's own. */
export enum ComplianceAlertScope {
  ALL = 'ALL',
  TEAM = 'TEAM',
  MINE = 'MINE',
}
registerEnumType(ComplianceRule, { name: 'ComplianceRule', description: 'The rule family an alert belongs to.' });
registerEnumType(ComplianceAlertKind, { name: 'ComplianceAlertKind', description: 'The stage a late note or plan has reached; alerts move up the stages of their rule.' });
registerEnumType(ComplianceSeverity, { name: 'ComplianceSeverity' });
registerEnumType(ComplianceAlertStatus, { name: 'ComplianceAlertStatus' });
registerEnumType(ComplianceAlertScope, { name: 'ComplianceAlertScope' });

@ObjectType({ description: "The practice's compliance rules (day counts). Georgia's rules are the defaults." })
export class ComplianceRules {
  @Field(() => Int, { description: 'Day after the session on which the clinician is reminded of an unsigned note.' })
  noteReminderDay!: number;

  @Field(() => Int, { description: 'Day after the session on which an unsigned note is overdue and the supervisor is alerted.' })
  noteSupervisorAlertDay!: number;

  @Field(() => Int, { description: 'Day after the session from which a session with an unsigned note cannot be billed.' })
  noteBillingHoldDay!: number;

  @Field(() => Int, { description: "Day after a treatment plan's start or last review on which its review is due." })
  planReviewReminderDay!: number;

  @Field(() => Int, { description: 'Day on which a plan review is overdue.' })
  planReviewAlertDay!: number;

  @Field(() => Int, { description: 'Day from which a plan without review is out of compliance.' })
  planOutOfComplianceDay!: number;

  @Field(() => Boolean, { description: 'A client flagged at risk must have a safety plan.' })
  safetyPlanRequired!: boolean;

  @Field(() => Boolean, { description: "True while these are Georgia's defaults." })
  isGeorgiaDefault!: boolean;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;
}

@ObjectType({ description: 'Something that keeps the practice out of compliance, for the clinician responsible (escalated to their supervisor and admins).' })
export class ComplianceAlert {
  @Field(() => ID)
  id!: string;

  @Field(() => ComplianceRule)
  rule!: ComplianceRule;

  @Field(() => ComplianceAlertKind)
  kind!: ComplianceAlertKind;

  @Field(() => ComplianceSeverity)
  severity!: ComplianceSeverity;

  @Field(() => ComplianceAlertStatus)
  status!: ComplianceAlertStatus;

  clientId!: string;
  clinicianId!: string;
  supervisorId!: string | null;
  acknowledgedById!: string | null;

  @Field(() => ID, { nullable: true, description: 'The session whose note is late (note rule).' })
  appointmentId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The late note, once a draft exists.' })
  noteId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The treatment plan due for review (plan rule).' })
  planId!: string | null;

  @Field(() => Date, { description: 'When the day count started: the session, or the plan’s last review or start.' })
  startsAt!: Date;

  @Field(() => Date, { description: 'When the cause was due to be fixed.' })
  dueAt!: Date;

  @Field(() => Int, { description: "Calendar days since startsAt, in the practice's time zone." })
  daysLate!: number;

  @Field(() => Int, { description: 'Calendar days past dueAt (0 while not yet due).' })
  daysOverdue!: number;

  @Field(() => Date, { nullable: true, description: 'When the alert was escalated to the supervisor and admins.' })
  escalatedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

export { ClientRef, StaffUserRef };
