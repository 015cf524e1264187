import { StaffUserRef } from '@solace/server-kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const RiskLevel = { LOW: 'LOW', MODERATE: 'MODERATE', HIGH: 'HIGH' } as const;
export type RiskLevel = (typeof RiskLevel)[keyof typeof RiskLevel];
registerEnumType(RiskLevel, { name: 'RiskLevel', description: "The clinician's judgement of suicide or self-harm risk." });

@ObjectType({ description: 'One period in which a client was flagged at risk (open while clearedAt is null).' })
export class RiskFlag {
  @Field(() => ID)
  id!: string;

  @Field(() => RiskLevel)
  level!: RiskLevel;

  @Field(() => String)
  reason!: string;

  @Field(() => StaffUserRef)
  flaggedBy!: StaffUserRef;

  @Field(() => Date)
  flaggedAt!: Date;

  @Field(() => StaffUserRef, { nullable: true })
  clearedBy!: StaffUserRef | null;

  @Field(() => Date, { nullable: true })
  clearedAt!: Date | null;

  @Field(() => String, { description: 'Why the flag was cleared or replaced ("" while open).' })
  clearReason!: string;
}

@ObjectType({ description: "A client's risk flag now and before, and whether the safety plan the flag calls for exists." })
export class ClientRiskStatus {
  @Field(() => Boolean)
  atRisk!: boolean;

  @Field(() => RiskFlag, { nullable: true, description: 'The open flag, when at risk.' })
  current!: RiskFlag | null;

  @Field(() => [RiskFlag], { description: 'Every flag, latest first (the open one included).' })
  history!: RiskFlag[];

  @Field(() => Boolean)
  hasCurrentSafetyPlan!: boolean;

  @Field(() => Boolean, { description: 'At risk with no current safety plan: write one (compliance alerts on this).' })
  safetyPlanMissing!: boolean;
}
