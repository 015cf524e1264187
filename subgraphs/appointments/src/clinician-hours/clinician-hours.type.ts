import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export const AvailabilityExceptionKind = { TIME_OFF: 'TIME_OFF', EXTRA_HOURS: 'EXTRA_HOURS' } as const;
export type AvailabilityExceptionKind = (typeof AvailabilityExceptionKind)[keyof typeof AvailabilityExceptionKind];
registerEnumType(AvailabilityExceptionKind, { name: 'AvailabilityExceptionKind' });

@ObjectType({ description: 'One block of a clinician’s regular week, in the practice’s time zone.' })
export class WorkingHoursBlock {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @Field(() => String, { description: 'Local time "HH:MM".' })
  startTime!: string;

  @Field(() => String, { description: 'Local time "HH:MM"; "24:00" is midnight at the end of the day.' })
  endTime!: string;
}

@ObjectType({ description: 'Time off (no bookings) or extra hours (bookable) on specific dates.' })
export class AvailabilityException {
  @Field(() => ID)
  id!: string;

  clinicianId!: string;

  @Field(() => AvailabilityExceptionKind)
  kind!: AvailabilityExceptionKind;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Staff-only label, never shown to clients.' })
  label!: string | null;
}
