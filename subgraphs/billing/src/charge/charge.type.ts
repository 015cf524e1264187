import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'What a completed appointment costs the client. Money is integer cents.' })
export class Charge {
  @Field(() => ID)
  id!: string;

  appointmentId!: string;
  clientId!: string;

  @Field(() => String, { description: 'CPT procedure code, e.g. 90837.' })
  cptCode!: string;

  @Field(() => Int)
  amountCents!: number;

  @Field(() => Date)
  createdAt!: Date;
}

/** billing contributes Client.balanceCents to the patients subgraph's entity. */
@Directive('@key(fields: "id")')
@ObjectType('Client')
export class ClientWithBalance {
  @Field(() => ID)
  id!: string;
}
