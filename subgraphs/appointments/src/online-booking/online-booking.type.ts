import { IsDate, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Modality, Service } from '../catalog/catalog.type';

@ObjectType({ description: 'A clinician clients can book online (name only).' })
export class BookableClinician {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  displayName!: string;
}

@ObjectType({ description: 'What the public booking page of a practice offers.' })
export class OnlineBookingPage {
  @Field(() => String)
  practiceName!: string;

  @Field(() => String, { description: 'IANA time zone the practice’s times are shown in.' })
  timeZone!: string;

  @Field(() => [Service])
  services!: Service[];

  @Field(() => [BookableClinician])
  clinicians!: BookableClinician[];
}

@ObjectType()
export class OnlineSlot {
  @Field(() => ID)
  clinicianId!: string;

  @Field(() => String)
  clinicianName!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;
}

@ObjectType({
  description:
    'One clinician’s free times for a service on the public booking page: the same times as `onlineSlots`, with the clinician and the slot length said once. A slot starting at `s` ends at `s + durationMinutes`.',
})
export class OnlineClinicianAvailability {
  @Field(() => BookableClinician)
  clinician!: BookableClinician;

  @Field(() => Int, { description: 'The service’s length: every slot of this list lasts this long.' })
  durationMinutes!: number;

  @Field(() => [Date], { description: 'Free start times, earliest first; never empty.' })
  starts!: Date[];
}

@ObjectType({ description: 'A slot held for you for ten minutes while you enter your details.' })
export class SlotHold {
  @Field(() => String, { description: 'Keep this to finish the booking; it is the only proof of the hold.' })
  holdId!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;
}

@ObjectType({ description: 'A finished online booking, as the client sees it.' })
export class OnlineBookingConfirmation {
  @Field(() => ID)
  appointmentId!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => String)
  serviceName!: string;

  @Field(() => String)
  clinicianName!: string;

  @Field(() => Modality)
  modality!: Modality;

  @Field(() => String)
  practiceName!: string;

  @Field(() => String)
  timeZone!: string;
}

@ArgsType()
export class OnlineSlotsArgs {
  @Field(() => ID)
  @IsUUID()
  practiceId!: string;

  @Field(() => ID)
  @IsUUID()
  serviceId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  clinicianId?: string;

  @Field(() => Date)
  @IsDate()
  from!: Date;

  @Field(() => Date)
  @IsDate()
  to!: Date;
}

@ArgsType()
export class HoldOnlineSlotArgs {
  @Field(() => ID)
  @IsUUID()
  practiceId!: string;

  @Field(() => ID)
  @IsUUID()
  serviceId!: string;

  @Field(() => ID)
  @IsUUID()
  clinicianId!: string;

  @Field(() => Date)
  @IsDate()
  startsAt!: Date;

  @Field(() => String, { nullable: true, description: 'A hold of yours this one replaces (choosing another time).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{20,64}$/)
  replacesHoldId?: string;
}

@ArgsType()
export class ConfirmOnlineBookingArgs {
  @Field(() => String)
  @Matches(/^[A-Za-z0-9_-]{20,64}$/)
  holdId!: string;

  @Field(() => Modality, { defaultValue: Modality.IN_PERSON })
  @IsIn(Object.values(Modality))
  modality!: Modality;
}
