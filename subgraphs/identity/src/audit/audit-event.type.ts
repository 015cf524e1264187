import { AUDIT_ACTIONS } from '@solace/server-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export const AuditAction = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, a])) as { [K in (typeof AUDIT_ACTIONS)[number]]: K };
registerEnumType(AuditAction, { name: 'AuditAction' });

@ObjectType({ description: 'One read or write of protected health information: who, what, when, from where. Never the PHI itself.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "Position in the practice's hash chain." })
  seq!: number;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => String)
  entityType!: string;

  @Field(() => String)
  entityId!: string;

  @Field(() => AuditAction)
  action!: (typeof AUDIT_ACTIONS)[number];

  @Field(() => String)
  requestId!: string;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;
}

@ObjectType({ description: "Result of re-computing the practice's audit hash chain." })
export class AuditChainReport {
  @Field(() => Boolean)
  valid!: boolean;

  @Field(() => Int)
  checkedEvents!: number;

  @Field(() => Int, { nullable: true, description: 'The first event that was changed, removed or re-linked.' })
  brokenAtSeq!: number | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}
