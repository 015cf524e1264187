import { ArrayMaxSize, IsDate, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { AvailabilityExceptionKind } from './clinician-hours.type';

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

@InputType()
export class WorkingHoursBlockInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @Field(() => String)
  @Matches(TIME, { message: 'startTime must be HH:MM' })
  startTime!: string;

  @Field(() => String)
  @Matches(TIME, { message: 'endTime must be HH:MM (24:00 for midnight)' })
  endTime!: string;
}

@ArgsType()
export class SetWorkingHoursArgs {
  @Field(() => ID)
  @IsUUID()
  clinicianId!: string;

  @Field(() => [WorkingHoursBlockInput], { description: 'The whole week; replaces what was there.' })
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  blocks!: WorkingHoursBlockInput[];
}

@InputType()
export class AvailabilityExceptionInput {
  @Field(() => ID)
  @IsUUID()
  clinicianId!: string;

  @Field(() => AvailabilityExceptionKind)
  @IsIn(Object.values(AvailabilityExceptionKind))
  kind!: AvailabilityExceptionKind;

  @Field(() => Date)
  @IsDate()
  startsAt!: Date;

  @Field(() => Date)
  @IsDate()
  endsAt!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  label?: string | null;
}

@ArgsType()
export class AvailabilityExceptionsArgs {
  @Field(() => ID)
  @IsUUID()
  clinicianId!: string;

  @Field(() => Date)
  @IsDate()
  from!: Date;

  @Field(() => Date)
  @IsDate()
  to!: Date;
}
