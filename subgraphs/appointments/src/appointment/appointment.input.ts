import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { AppointmentStatus } from './appointment.type';

@InputType()
export class BookAppointmentInput {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the signed-in clinician.' })
  @IsOptional()
  @IsUUID()
  clinicianId?: string;

  @Field(() => Date)
  @IsDate()
  startsAt!: Date;

  @Field(() => Date)
  @IsDate()
  endsAt!: Date;
}

@ArgsType()
export class AppointmentRangeArgs {
  @Field(() => Date)
  @IsDate()
  from!: Date;

  @Field(() => Date)
  @IsDate()
  to!: Date;

  @Field(() => ID, { nullable: true, description: "Whose diary; defaults to the caller's own when the caller is a clinician." })
  @IsOptional()
  @IsUUID()
  clinicianId?: string;
}

@ArgsType()
export class RescheduleAppointmentArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Date)
  @IsDate()
  startsAt!: Date;

  @Field(() => Date)
  @IsDate()
  endsAt!: Date;
}

/** Statuses a visit moves to after booking; cancelling has its own mutation. */
export const PROGRESS_STATUSES = [AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED, AppointmentStatus.NO_SHOW] as const;

@ArgsType()
export class SetAppointmentStatusArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => AppointmentStatus)
  @IsIn(PROGRESS_STATUSES)
  status!: AppointmentStatus;
}
