import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const ClientStatus = { ACTIVE: 'ACTIVE', INACTIVE: 'INACTIVE', DISCHARGED: 'DISCHARGED' } as const;
export type ClientStatus = (typeof ClientStatus)[keyof typeof ClientStatus];
registerEnumType(ClientStatus, { name: 'ClientStatus' });

export const SexAssignedAtBirth = { FEMALE: 'FEMALE', MALE: 'MALE', INTERSEX: 'INTERSEX', UNKNOWN: 'UNKNOWN', DECLINED_TO_ANSWER: 'DECLINED_TO_ANSWER' } as const;
export type SexAssignedAtBirth = (typeof SexAssignedAtBirth)[keyof typeof SexAssignedAtBirth];
registerEnumType(SexAssignedAtBirth, { name: 'SexAssignedAtBirth' });

@ObjectType({ description: "The client's postal address." })
export class ClientAddress {
  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field(() => String)
  city!: string;

  @Field(() => String)
  state!: string;

  @Field(() => String)
  postalCode!: string;
}

@ObjectType({ description: 'Whom to call in an emergency.' })
export class EmergencyContact {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  relationship!: string;

  @Field(() => String)
  phone!: string;
}

@ObjectType({ description: 'The provider who referred the client.' })
export class ReferringProvider {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: '10-digit National Provider Identifier.' })
  npi!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A person receiving care from the practice.' })
export class Client {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  firstName!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'The name the client wants to be called.' })
  preferredName!: string | null;

  @Field(() => String, { nullable: true })
  pronouns!: string | null;

  @Field(() => String, { nullable: true })
  genderIdentity!: string | null;

  @Field(() => SexAssignedAtBirth, { nullable: true })
  sexAssignedAtBirth!: SexAssignedAtBirth | null;

  @Field(() => String, { description: 'Calendar date, YYYY-MM-DD.' })
  dateOfBirth!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => ClientAddress, { nullable: true })
  address!: ClientAddress | null;

  @Field(() => EmergencyContact, { nullable: true })
  emergencyContact!: EmergencyContact | null;

  @Field(() => ReferringProvider, { nullable: true })
  referringProvider!: ReferringProvider | null;

  @Field(() => [String], { description: 'Lowercase labels, e.g. "sliding-scale".' })
  tags!: string[];

  @Field(() => Boolean, { description: 'Send appointment reminders by email.' })
  reminderEmail!: boolean;

  @Field(() => Boolean, { description: 'Send appointment reminders by SMS (the client opted in).' })
  reminderSms!: boolean;

  @Field(() => ClientStatus)
  status!: ClientStatus;

  @Field(() => String, { nullable: true, description: 'Discharge date (YYYY-MM-DD) while status is DISCHARGED.' })
  dischargedOn!: string | null;
}
