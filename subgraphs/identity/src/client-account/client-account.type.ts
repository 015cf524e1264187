import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const PortalAccountStatus = { ACTIVE: 'ACTIVE', DISABLED: 'DISABLED' } as const;
export type PortalAccountStatus = (typeof PortalAccountStatus)[keyof typeof PortalAccountStatus];
registerEnumType(PortalAccountStatus, { name: 'PortalAccountStatus', description: 'Whether a client may sign in to the portal.' });

@ObjectType({ description: "A client's portal account: the client signs in with an emailed code or link, never a password." })
export class ClientAccount {
  @Field(() => ID)
  id!: string;

  practiceId!: string;

  @Field(() => ID, { description: 'The client (patients subgraph) this account belongs to.' })
  clientId!: string;

  @Field(() => String, { description: 'Where sign-in codes are sent (lower-cased).' })
  email!: string;

  @Field(() => PortalAccountStatus)
  status!: PortalAccountStatus;

  @Field(() => Date, { nullable: true })
  lastSignInAt!: Date | null;

  @Field(() => Date, { description: 'When the client was first invited.' })
  createdAt!: Date;
}

/** identity contributes Client.portalAccount to the patients subgraph's entity. */
@Directive('@key(fields: "id")')
@ObjectType('Client')
export class ClientWithPortalAccount {
  @Field(() => ID)
  id!: string;
}
