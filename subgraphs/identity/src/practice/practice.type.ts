import { Directive, Field, ID, ObjectType } from 'type-graphql';

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
}
