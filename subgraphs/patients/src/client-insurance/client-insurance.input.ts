import { IsIn, IsISO8601, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CALENDAR_DATE } from '../shared/calendar-date';
import { InsuranceRank, SubscriberRelationship } from './client-insurance.type';

const ID_TEXT = /^[A-Za-z0-9 .*-]+$/;

@InputType({ description: 'A whole insurance policy (update replaces every field).' })
export class ClientInsuranceInput {
  @Field(() => InsuranceRank)
  @IsIn(Object.values(InsuranceRank))
  rank!: InsuranceRank;

  @Field(() => String)
  @Length(1, 200)
  payerName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  @Matches(ID_TEXT, { message: 'payerId may hold letters, digits, spaces, dots, stars and dashes' })
  payerId?: string | null;

  @Field(() => String)
  @Length(1, 40)
  @Matches(ID_TEXT, { message: 'memberId may hold letters, digits, spaces, dots, stars and dashes' })
  memberId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(40)
  @Matches(ID_TEXT, { message: 'groupNumber may hold letters, digits, spaces, dots, stars and dashes' })
  groupNumber?: string | null;

  @Field(() => SubscriberRelationship, { defaultValue: SubscriberRelationship.SELF })
  @IsIn(Object.values(SubscriberRelationship))
  subscriberRelationship!: SubscriberRelationship;

  @Field(() => String, { nullable: true, description: 'Required unless the subscriber is the client (SELF).' })
  @IsOptional()
  @Length(1, 200)
  subscriberName?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; required unless SELF.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(CALENDAR_DATE)
  subscriberDateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(CALENDAR_DATE)
  effectiveOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(CALENDAR_DATE)
  terminatesOn?: string | null;
}
