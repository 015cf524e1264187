import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Appointment } from '../appointment/appointment.type';
import { Frequency } from './occurrences';

registerEnumType(Frequency, { name: 'SeriesFrequency', description: 'How often a recurring series repeats.' });

export const SeriesEditScope = { THIS: 'THIS', THIS_AND_FOLLOWING: 'THIS_AND_FOLLOWING', ALL: 'ALL' } as const;
export type SeriesEditScope = (typeof SeriesEditScope)[keyof typeof SeriesEditScope];
registerEnumType(SeriesEditScope, { name: 'SeriesEditScope', description: 'Which sessions of a series a change applies to (future, scheduled ones).' });

@ObjectType({ description: 'A recurring series of sessions (RFC 5545 rule, evaluated in the practice’s time zone).' })
export class AppointmentSeries {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The RRULE, e.g. FREQ=WEEKLY;INTERVAL=2;COUNT=10.' })
  rrule!: string;

  @Field(() => String)
  timeZone!: string;

  @Field(() => Date)
  firstStartsAt!: Date;

  @Field(() => Int)
  durationMinutes!: number;
}

@ObjectType({ description: 'A session of a new series that was not booked because its time was taken.' })
export class SkippedOccurrence {
  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => String, { description: 'CLINICIAN_OVERLAP, ROOM_OVERLAP or CLIENT_OVERLAP.' })
  reason!: string;
}

@ObjectType()
export class SeriesBooking {
  @Field(() => AppointmentSeries)
  series!: AppointmentSeries;

  @Field(() => [Appointment])
  booked!: Appointment[];

  @Field(() => [SkippedOccurrence])
  skipped!: SkippedOccurrence[];
}
