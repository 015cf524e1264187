import { IsDate, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Modality } from '../catalog/catalog.type';
import { AppointmentStatus, CancelReason } from './appointment.type';

@InputType()
export class BookAppointmentInput {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;

  @Field(() => ID, { nullable: true, description: 'Defaults to the signed-in clinician.' })
  @IsOptional()
  @IsUUID()
  clinicianId?: string;

  @Field(() => ID, { nullable: true, description: 'The service booked; its duration sets `endsAt` when that is left out.' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @Field(() => ID, { nullable: true, description: 'A room for an in-person session.' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @Field(() => Modality, { defaultValue: Modality.IN_PERSON })
  @IsIn(Object.values(Modality))
  modality!: Modality;

  @Field(() => Date)
  @IsDate()
  startsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Required unless a service gives the length.' })
  @IsOptional()
  @IsDate()
  endsAt?: Date;
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

  @Field(() => ID, { nullable: true, description: 'Move the session to another clinician as well.' })
  @IsOptional()
  @IsUUID()
  clinicianId?: string;

  @Field(() => ID, { nullable: true, description: 'Move the session to another room as well.' })
  @IsOptional()
  @IsUUID()
  roomId?: string;
}

@ArgsType()
export class CancelAppointmentArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => CancelReason, { defaultValue: CancelReason.CLIENT_REQUEST })
  @IsIn(Object.values(CancelReason))
  reason!: CancelReason;

  @Field(() => String, { nullable: true, description: 'Operational note for the front desk; nothing clinical.' })
  @IsOptional()
  @MaxLength(500)
  note?: string;
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
