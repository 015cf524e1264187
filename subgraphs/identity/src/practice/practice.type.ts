import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: "The practice's postal address." })
export class PracticeAddress {
  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String, { description: 'USPS two-letter state code, e.g. GA.' })
  state!: string;

  @Field(() => String, { description: 'ZIP or ZIP+4.' })
  postalCode!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A practice (tenant): the clinic or solo therapist that owns its data.' })
export class Practice {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'IANA time zone in which the practice shows times, e.g. America/New_York.' })
  timeZone!: string;

  @Field(() => Boolean, { description: 'Staff must use two-step verification (an authenticator app or a passkey) to sign in.' })
  staffMfaRequired!: boolean;

  @Field(() => String, { nullable: true, description: "The practice's public phone number, as entered." })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: "The practice's public email address." })
  email!: string | null;

  @Field(() => PracticeAddress, { nullable: true, description: 'Printed on documents; the billing address of claims.' })
  address!: PracticeAddress | null;

  @Field(() => String, { nullable: true, description: 'Organisation (type 2) National Provider Identifier, 10 digits.' })
  npi!: string | null;

  @Field(() => String, { nullable: true, description: 'Employer Identification Number as NN-NNNNNNN.' })
  taxId!: string | null;
}
