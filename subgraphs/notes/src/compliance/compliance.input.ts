import { COMPLIANCE_MAX_DAY } from '@solace/workers';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ComplianceAlertKind, ComplianceAlertScope, ComplianceAlertStatus, ComplianceSeverity } from './compliance.type';

const DAY = { message: `Days must be a whole number from 1 to ${COMPLIANCE_MAX_DAY}.` };

@InputType({ description: 'The full set of day counts; the order reminder < alert < hold (and review reminder < alert < out of compliance) is checked.' })
export class ComplianceRulesInput {
  @Field(() => Int) @IsInt(DAY) @Min(1, DAY) @Max(COMPLIANCE_MAX_DAY, DAY) noteReminderDay!: number;
  @Field(() => Int) @IsInt(DAY) @Min(1, DAY) @Max(COMPLIANCE_MAX_DAY, DAY) noteSupervisorAlertDay!: number;
  @Field(() => Int) @IsInt(DAY) @Min(1, DAY) @Max(COMPLIANCE_MAX_DAY, DAY) noteBillingHoldDay!: number;
  @Field(() => Int) @IsInt(DAY) @Min(1, DAY) @Max(COMPLIANCE_MAX_DAY, DAY) planReviewReminderDay!: number;
  @Field(() => Int) @IsInt(DAY) @Min(1, DAY) @Max(COMPLIANCE_MAX_DAY, DAY) planReviewAlertDay!: number;
  @Field(() => Int) @IsInt(DAY) @Min(1, DAY) @Max(COMPLIANCE_MAX_DAY, DAY) planOutOfComplianceDay!: number;
  @Field(() => Boolean) @IsBoolean() safetyPlanRequired!: boolean;
}

@ArgsType()
export class ComplianceAlertsArgs {
  @Field(() => ComplianceAlertScope, { nullable: true, description: 'Defaults to the widest the caller may see: ALL for admins, TEAM for supervisors, MINE otherwise.' })
  @IsOptional()
  @IsIn(Object.values(ComplianceAlertScope))
  scope?: ComplianceAlertScope;

  @Field(() => [ComplianceAlertStatus], { defaultValue: [ComplianceAlertStatus.OPEN, ComplianceAlertStatus.ACKNOWLEDGED] })
  @IsIn(Object.values(ComplianceAlertStatus), { each: true })
  statuses!: ComplianceAlertStatus[];

  @Field(() => [ComplianceSeverity], { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ComplianceSeverity), { each: true })
  severities?: ComplianceSeverity[];

  @Field(() => [ComplianceAlertKind], { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ComplianceAlertKind), { each: true })
  kinds?: ComplianceAlertKind[];
}
