import { ArrayMaxSize, IsOptional, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ObjectiveStatus } from './treatment-plan.type';

const TEXT = 2_000;
/** ICD-10-CM: a letter, two characters, then optionally a dot and up to four more (F32.A, F43.10). */
const ICD10 = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class PlanObjectiveInput {
  @Field(() => ID, { nullable: true, description: 'Keep the id of an existing objective; omit for a new one.' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(TEXT)
  description!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(TEXT)
  target!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(TEXT)
  measure!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'targetDate must be YYYY-MM-DD' })
  targetDate?: string | null;

  @Field(() => ObjectiveStatus, { defaultValue: ObjectiveStatus.NOT_STARTED })
  status!: ObjectiveStatus;
}

@InputType()
export class PlanInterventionInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(TEXT)
  modality!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(TEXT)
  frequency!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  responsibleClinicianId?: string | null;
}

@InputType()
export class PlanGoalInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(TEXT)
  description!: string;

  @Field(() => [PlanObjectiveInput], { defaultValue: [] })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  objectives!: PlanObjectiveInput[];

  @Field(() => [PlanInterventionInput], { defaultValue: [] })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  interventions!: PlanInterventionInput[];
}

@InputType()
export class PlanProblemInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(TEXT)
  description!: string;

  @Field(() => String, { nullable: true, description: 'ICD-10-CM code, e.g. F33.1.' })
  @IsOptional()
  @Matches(ICD10, { message: 'icd10Code must be an ICD-10-CM code such as F33.1' })
  icd10Code?: string | null;

  @Field(() => [PlanGoalInput], { defaultValue: [] })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  goals!: PlanGoalInput[];
}

@InputType()
export class TreatmentPlanInput {
  @Field(() => [PlanProblemInput])
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  problems!: PlanProblemInput[];
}

@ArgsType()
export class CreateTreatmentPlanArgs {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;

  @Field(() => TreatmentPlanInput)
  @ValidateNested()
  plan!: TreatmentPlanInput;
}

@ArgsType()
export class UpdateTreatmentPlanArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => TreatmentPlanInput)
  @ValidateNested()
  plan!: TreatmentPlanInput;
}

@ArgsType()
export class ReviewTreatmentPlanArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String, { description: 'What the review found: progress, changes agreed.' })
  @MinLength(1)
  @MaxLength(10_000)
  note!: string;

  @Field(() => Date, { nullable: true, description: 'When the review took place; now when omitted. Not in the future.' })
  @IsOptional()
  reviewedAt?: Date | null;
}
