import { StaffUserRef } from '@solace/server-kit';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'One clinician’s free start times for a service: the same slots as `availableSlots`, with the clinician and the slot length said once instead of on every slot. A slot starting at `s` ends at `s + durationMinutes`.',
})
export class ClinicianAvailability {
  @Field(() => StaffUserRef)
  clinician!: StaffUserRef;

  @Field(() => Int, { description: 'The service’s length: every slot of this list lasts this long.' })
  durationMinutes!: number;

  @Field(() => [Date], { description: 'Free start times, earliest first; never empty.' })
  starts!: Date[];
}
