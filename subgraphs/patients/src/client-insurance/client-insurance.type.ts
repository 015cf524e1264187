import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const InsuranceRank = { PRIMARY: 'PRIMARY', SECONDARY: 'SECONDARY' } as const;
export type InsuranceRank = (typeof InsuranceRank)[keyof typeof InsuranceRank];
registerEnumType(InsuranceRank, { name: 'InsuranceRank' });

export const SubscriberRelationship = { SELF: 'SELF', SPOUSE: 'SPOUSE', CHILD: 'CHILD', OTHER: 'OTHER' } as const;
export type SubscriberRelationship = (typeof SubscriberRelationship)[keyof typeof SubscriberRelationship];
registerEnumType(SubscriberRelationship, { name: 'SubscriberRelationship', description: "The client's relationship to the policy holder." });

@ObjectType({ description: "One of a client's insurance policies (at most one primary and one secondary)." })
export class ClientInsurance {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => InsuranceRank)
  rank!: InsuranceRank;

  @Field(() => String)
  payerName!: string;

  @Field(() => String, { nullable: true, description: 'Electronic payer id (clearinghouse).' })
  payerId!: string | null;

  @Field(() => String, { description: 'Stored encrypted.' })
  memberId!: string;

  @Field(() => String, { nullable: true })
  groupNumber!: string | null;

  @Field(() => SubscriberRelationship)
  subscriberRelationship!: SubscriberRelationship;

  @Field(() => String, { nullable: true })
  subscriberName!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  subscriberDateOfBirth!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  effectiveOn!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  terminatesOn!: string | null;
}
