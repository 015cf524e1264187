import { IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BookAppointmentInput } from '../appointment/appointment.input';
import { CancelReason } from '../appointment/appointment.type';
import { Frequency, MAX_OCCURRENCES } from './occurrences';
import { SeriesEditScope } from './series.type';

@InputType({ description: 'Either a frequency with an end (count or last date), or a written RRULE with its own end.' })
export class RecurrenceInput {
  @Field(() => Frequency, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(Frequency))
  frequency?: Frequency;

  @Field(() => Int, { nullable: true, description: `Number of sessions, 1–${MAX_OCCURRENCES}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_OCCURRENCES)
  count?: number;

  @Field(() => Date, { nullable: true, description: 'Last possible session start (inclusive).' })
  @IsOptional()
  @IsDate()
  until?: Date;

  @Field(() => String, { nullable: true, description: 'An RFC 5545 RRULE instead of a frequency, e.g. FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12.' })
  @IsOptional()
  @MaxLength(300)
  @Matches(/^[A-Z0-9=;,+-]+$/, { message: 'rule must be an RRULE value such as FREQ=WEEKLY;COUNT=10' })
  rule?: string;
}

@InputType()
export class BookSeriesInput extends BookAppointmentInput {
  @Field(() => RecurrenceInput)
  @ValidateNested()
  recurrence!: RecurrenceInput;

  @Field(() => Boolean, { defaultValue: false, description: 'Book the sessions that are free and report the others, instead of booking none.' })
  @IsBoolean()
  skipConflicts!: boolean;
}

@ArgsType()
export class EditSeriesArgs {
  @Field(() => ID, { description: 'The session the change starts from.' })
  @IsUUID()
  appointmentId!: string;

  @Field(() => SeriesEditScope)
  @IsIn(Object.values(SeriesEditScope))
  scope!: SeriesEditScope;

  @Field(() => Date, { description: 'The new start of this session; later ones move by the same wall-clock change.' })
  @IsDate()
  startsAt!: Date;

  @Field(() => Date)
  @IsDate()
  endsAt!: Date;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  clinicianId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  roomId?: string;
}

@ArgsType()
export class CancelSeriesArgs {
  @Field(() => ID)
  @IsUUID()
  appointmentId!: string;

  @Field(() => SeriesEditScope)
  @IsIn(Object.values(SeriesEditScope))
  scope!: SeriesEditScope;

  @Field(() => CancelReason, { defaultValue: CancelReason.CLIENT_REQUEST })
  @IsIn(Object.values(CancelReason))
  reason!: CancelReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string;
}
