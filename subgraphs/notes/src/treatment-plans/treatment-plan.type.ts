import { StaffUserRef } from '@solace/server-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export const TreatmentPlanStatus = { DRAFT: 'DRAFT', ACTIVE: 'ACTIVE', COMPLETED: 'COMPLETED', SUPERSEDED: 'SUPERSEDED' } as const;
export type TreatmentPlanStatus = (typeof TreatmentPlanStatus)[keyof typeof TreatmentPlanStatus];
registerEnumType(TreatmentPlanStatus, {
  name: 'TreatmentPlanStatus',
  valuesConfig: {
    DRAFT: { description: 'Being written; not in force.' },
    ACTIVE: { description: 'Signed and in force; due for review every 90 days. At most one per client.' },
    COMPLETED: { description: 'Treatment ended with this plan in force.' },
    SUPERSEDED: { description: 'Replaced by a newer signed version; kept as history.' },
  },
});

export const ObjectiveStatus = { NOT_STARTED: 'NOT_STARTED', IN_PROGRESS: 'IN_PROGRESS', ACHIEVED: 'ACHIEVED', NOT_ACHIEVED: 'NOT_ACHIEVED', DISCONTINUED: 'DISCONTINUED' } as const;
export type ObjectiveStatus = (typeof ObjectiveStatus)[keyof typeof ObjectiveStatus];
registerEnumType(ObjectiveStatus, { name: 'ObjectiveStatus' });

@ObjectType({ description: 'A measurable step towards a goal.' })
export class PlanObjective {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: 'What counts as met, e.g. "PHQ-9 below 10".' })
  target!: string;

  @Field(() => String, { description: 'How progress is measured, e.g. "PHQ-9 every 4 weeks".' })
  measure!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  targetDate!: string | null;

  @Field(() => ObjectiveStatus)
  status!: ObjectiveStatus;
}

@ObjectType({ description: 'What the clinician does towards a goal.' })
export class PlanIntervention {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'E.g. "Cognitive behavioral therapy".' })
  modality!: string;

  @Field(() => String, { description: 'E.g. "Weekly, 50 minutes".' })
  frequency!: string;

  responsibleClinicianId!: string | null;

  @Field(() => StaffUserRef, { nullable: true })
  responsibleClinician!: StaffUserRef | null;
}

@ObjectType()
export class PlanGoal {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  description!: string;

  @Field(() => [PlanObjective])
  objectives!: PlanObjective[];

  @Field(() => [PlanIntervention])
  interventions!: PlanIntervention[];
}

@ObjectType({ description: 'A presenting problem, with its ICD-10-CM code when known.' })
export class PlanProblem {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true })
  icd10Code!: string | null;

  @Field(() => [PlanGoal])
  goals!: PlanGoal[];
}

@ObjectType()
export class TreatmentPlanReview {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  reviewedAt!: Date;

  @Field(() => StaffUserRef)
  reviewedBy!: StaffUserRef;

  @Field(() => String)
  note!: string;
}

@ObjectType({ description: "One version of a client's treatment plan." })
export class TreatmentPlan {
  @Field(() => ID)
  id!: string;

  clientId!: string;

  @Field(() => Int, { description: "1 for the client's first plan; each revision the next number." })
  version!: number;

  @Field(() => TreatmentPlanStatus)
  status!: TreatmentPlanStatus;

  @Field(() => [PlanProblem])
  problems!: PlanProblem[];

  @Field(() => StaffUserRef)
  createdBy!: StaffUserRef;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => StaffUserRef, { nullable: true, description: 'Who signed it, which made it active.' })
  signedBy!: StaffUserRef | null;

  @Field(() => Date, { nullable: true })
  signedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastReviewedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: '90 days after activation or the last review; null unless active.' })
  reviewDueAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it stopped being active (superseded or completed).' })
  endedAt!: Date | null;

  @Field(() => [TreatmentPlanReview], { description: 'Reviews, latest first.' })
  reviews!: TreatmentPlanReview[];
}
