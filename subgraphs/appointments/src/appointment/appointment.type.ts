import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const AppointmentStatus = {
  SCHEDULED: 'SCHEDULED',
  CHECKED_IN: 'CHECKED_IN',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
  NO_SHOW: 'NO_SHOW',
} as const;
export type AppointmentStatus = (typeof AppointmentStatus)[keyof typeof AppointmentStatus];
registerEnumType(AppointmentStatus, { name: 'AppointmentStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A booked session between a client and a clinician.' })
export class Appointment {
  @Field(() => ID)
  id!: string;

  practiceId!: string;
  clientId!: string;
  clinicianId!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => AppointmentStatus)
  status!: AppointmentStatus;
}
