import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A parent or guardian of a client (usually a minor).' })
export class ClientGuardian {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'E.g. "mother", "father", "foster parent".' })
  relationship!: string;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => Boolean, { description: 'May consent to treatment on the client’s behalf.' })
  isLegalGuardian!: boolean;
}
