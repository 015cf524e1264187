import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const ClientStatus = { ACTIVE: 'ACTIVE', INACTIVE: 'INACTIVE', DISCHARGED: 'DISCHARGED' } as const;
export type ClientStatus = (typeof ClientStatus)[keyof typeof ClientStatus];
registerEnumType(ClientStatus, { name: 'ClientStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person receiving care from the practice.' })
export class Client {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  firstName!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => String, { description: 'Calendar date, YYYY-MM-DD.' })
  dateOfBirth!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => ClientStatus)
  status!: ClientStatus;
}
