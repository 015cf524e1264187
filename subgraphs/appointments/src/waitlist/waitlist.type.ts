import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const WaitlistStatus = { ACTIVE: 'ACTIVE', BOOKED: 'BOOKED', REMOVED: 'REMOVED' } as const;
export type WaitlistStatus = (typeof WaitlistStatus)[keyof typeof WaitlistStatus];
registerEnumType(WaitlistStatus, { name: 'WaitlistStatus' });

export const WaitlistOfferStatus = { PENDING: 'PENDING', ACCEPTED: 'ACCEPTED', DECLINED: 'DECLINED', LAPSED: 'LAPSED' } as const;
export type WaitlistOfferStatus = (typeof WaitlistOfferStatus)[keyof typeof WaitlistOfferStatus];
registerEnumType(WaitlistOfferStatus, { name: 'WaitlistOfferStatus' });

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

@ObjectType({ description: 'A freed time offered to a waitlisted client.' })
export class WaitlistOffer {
  @Field(() => ID)
  id!: string;

  clinicianId!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => WaitlistOfferStatus)
  status!: WaitlistOfferStatus;

  @Field(() => ID, { nullable: true })
  appointmentId!: string | null;
}

@ObjectType({ description: 'A client waiting for a time; offered freed times first come, first served.' })
export class WaitlistEntry {
  @Field(() => ID)
  id!: string;

  clientId!: string;
  serviceId!: string;

  @Field(() => [ID], { description: 'Empty: any clinician.' })
  preferredClinicianIds!: string[];

  @Field(() => [Int], { description: 'ISO weekdays (1 = Monday); empty: any day.' })
  preferredWeekdays!: number[];

  @Field(() => String, { nullable: true, description: 'Earliest local start, HH:MM.' })
  earliestTime!: string | null;

  @Field(() => String, { nullable: true, description: 'Latest local end, HH:MM.' })
  latestTime!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => WaitlistStatus)
  status!: WaitlistStatus;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => [WaitlistOffer])
  offers!: WaitlistOffer[];
}

@InputType()
export class WaitlistEntryInput {
  @Field(() => ID)
  @IsUUID()
  clientId!: string;

  @Field(() => ID)
  @IsUUID()
  serviceId!: string;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  preferredClinicianIds!: string[];

  @Field(() => [Int], { defaultValue: [] })
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  preferredWeekdays!: number[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TIME, { message: 'earliestTime must be HH:MM' })
  earliestTime?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TIME, { message: 'latestTime must be HH:MM' })
  latestTime?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string;
}

@ObjectType({ description: 'What a client sees when they open a waitlist offer link.' })
export class WaitlistOfferView {
  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => WaitlistOfferStatus)
  status!: WaitlistOfferStatus;

  @Field(() => String)
  clinicianName!: string;

  @Field(() => String)
  serviceName!: string;

  @Field(() => String)
  practiceName!: string;

  @Field(() => String)
  timeZone!: string;
}

