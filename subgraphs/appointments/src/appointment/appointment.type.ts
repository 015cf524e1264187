import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Modality } from '../catalog/catalog.type';

export const AppointmentStatus = {
  SCHEDULED: 'SCHEDULED',
  CHECKED_IN: 'CHECKED_IN',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
  NO_SHOW: 'NO_SHOW',
} as const;
export type AppointmentStatus = (typeof AppointmentStatus)[keyof typeof AppointmentStatus];
registerEnumType(AppointmentStatus, { name: 'AppointmentStatus' });

export const CancelReason = {
  CLIENT_REQUEST: 'CLIENT_REQUEST',
  CLIENT_ILLNESS: 'CLIENT_ILLNESS',
  CLINICIAN_UNAVAILABLE: 'CLINICIAN_UNAVAILABLE',
  WEATHER_OR_EMERGENCY: 'WEATHER_OR_EMERGENCY',
  SCHEDULING_ERROR: 'SCHEDULING_ERROR',
  OTHER: 'OTHER',
} as const;
export type CancelReason = (typeof CancelReason)[keyof typeof CancelReason];
registerEnumType(CancelReason, { name: 'CancelReason' });

export const BookingChannel = { STAFF: 'STAFF', ONLINE: 'ONLINE', WAITLIST: 'WAITLIST' } as const;
export type BookingChannel = (typeof BookingChannel)[keyof typeof BookingChannel];
registerEnumType(BookingChannel, { name: 'BookingChannel', description: 'Who made the booking: staff, the client online, or a waitlist offer.' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A booked session between a client and a clinician.' })
export class Appointment {
  @Field(() => ID)
  id!: string;

  practiceId!: string;
  clientId!: string;
  clinicianId!: string;
  serviceId!: string | null;
  roomId!: string | null;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => AppointmentStatus)
  status!: AppointmentStatus;

  @Field(() => Modality)
  modality!: Modality;

  @Field(() => BookingChannel)
  bookedVia!: BookingChannel;

  @Field(() => ID, { nullable: true, description: 'The recurring series this occurrence belongs to.' })
  seriesId!: string | null;

  @Field(() => Date, { nullable: true })
  checkedInAt!: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt!: Date | null;

  @Field(() => CancelReason, { nullable: true })
  cancelReason!: CancelReason | null;

  @Field(() => String, { nullable: true })
  cancelNote!: string | null;

  @Field(() => Boolean, { description: 'Cancelled by the client inside the practice’s late-cancel window.' })
  lateCancel!: boolean;

  @Field(() => String, { nullable: true, description: 'Telehealth: the link the client joins with.' })
  meetingJoinUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Telehealth: the clinician’s link that starts the meeting as host.' })
  meetingHostUrl!: string | null;

  meetingExternalId!: string | null;
}

/** The columns every appointment read selects (the GraphQL type above plus its foreign keys). */
export const APPOINTMENT_FIELDS = {
  id: true,
  practiceId: true,
  clientId: true,
  clinicianId: true,
  serviceId: true,
  roomId: true,
  startsAt: true,
  endsAt: true,
  status: true,
  modality: true,
  bookedVia: true,
  seriesId: true,
  checkedInAt: true,
  cancelledAt: true,
  cancelReason: true,
  cancelNote: true,
  lateCancel: true,
  meetingJoinUrl: true,
  meetingHostUrl: true,
  meetingExternalId: true,
} as const;
