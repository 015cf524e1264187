import {
  ArrayMaxSize,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsNpi } from '@solace/server-kit';
import { ClientStatus, SexAssignedAtBirth } from './client.type';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;
/**
 * For fields that can be left out of an update but never emptied: undefined leaves the field alone,
 * null is refused. (type-graphql validates with skipMissingProperties, which would let null through
 * every other rule; IsDefined is the one rule that still runs.)
 */
const given =
  (field: string): PropertyDecorator =>
  (target, property) => {
    ValidateIf((input: Record<string, unknown>) => input[field] !== undefined)(target, property);
    IsDefined({ message: `${field} cannot be empty` })(target, property);
  };

@InputType()
export class AddressInput {
  @Field(() => String)
  @Length(1, 200)
  line1!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  line2?: string | null;

  @Field(() => String)
  @Length(1, 100)
  city!: string;

  @Field(() => String)
  @Length(1, 60)
  state!: string;

  @Field(() => String)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/, { message: 'postalCode must be 2 to 10 letters, digits, spaces or dashes' })
  postalCode!: string;
}

@InputType()
export class EmergencyContactInput {
  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String, { description: 'E.g. "mother", "partner", "friend".' })
  @Length(1, 60)
  relationship!: string;

  @Field(() => String)
  @Matches(PHONE, { message: 'phone must be 7 to 20 digits, spaces, brackets or dashes' })
  phone!: string;
}

@InputType()
export class ReferringProviderInput {
  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true, description: '10-digit National Provider Identifier.' })
  @IsOptional()
  @IsNpi()
  npi?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be 7 to 20 digits, spaces, brackets or dashes' })
  phone?: string | null;
}

/** Everything optional on a client record: shared by create and update. */
@InputType({ description: 'The optional details of a client record (the fields create and update share).' })
export abstract class ClientDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(20)
  @Matches(PHONE, { message: 'phone must be 7 to 20 digits, spaces, brackets or dashes' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  preferredName?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text, e.g. "she/her".' })
  @IsOptional()
  @Length(1, 40)
  pronouns?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text, in the client’s own words.' })
  @IsOptional()
  @Length(1, 100)
  genderIdentity?: string | null;

  @Field(() => SexAssignedAtBirth, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(SexAssignedAtBirth))
  sexAssignedAtBirth?: SexAssignedAtBirth | null;

  @Field(() => AddressInput, { nullable: true, description: 'Replaces the whole address; null removes it.' })
  @IsOptional()
  @ValidateNested()
  address?: AddressInput | null;

  @Field(() => EmergencyContactInput, { nullable: true, description: 'Replaces the emergency contact; null removes it.' })
  @IsOptional()
  @ValidateNested()
  emergencyContact?: EmergencyContactInput | null;

  @Field(() => ReferringProviderInput, { nullable: true, description: 'Replaces the referring provider; null removes it.' })
  @IsOptional()
  @ValidateNested()
  referringProvider?: ReferringProviderInput | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the tags; stored lowercase without duplicates.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Length(1, 40, { each: true })
  @Matches(/^[\p{L}\p{N} _-]+$/u, { each: true, message: 'tags may hold letters, digits, spaces, dashes and underscores' })
  tags?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  @given('reminderEmail')
  @IsBoolean()
  reminderEmail?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'SMS reminders need the client’s opt-in and a phone number.' })
  @given('reminderSms')
  @IsBoolean()
  reminderSms?: boolean;
}

@InputType()
export class CreateClientInput extends ClientDetailsInput {
  @Field(() => String)
  @Length(1, 100)
  firstName!: string;

  @Field(() => String)
  @Length(1, 100)
  lastName!: string;

  @Field(() => String, { description: 'Calendar date, YYYY-MM-DD.' })
  @IsISO8601({ strict: true })
  @Matches(DATE)
  dateOfBirth!: string;
}

@InputType({ description: 'A partial update: omitted fields stay as they are; null clears an optional field.' })
export class UpdateClientInput extends ClientDetailsInput {
  @Field(() => String, { nullable: true })
  @given('firstName')
  @Length(1, 100)
  firstName?: string;

  @Field(() => String, { nullable: true })
  @given('lastName')
  @Length(1, 100)
  lastName?: string;

  @Field(() => String, { nullable: true, description: 'Calendar date, YYYY-MM-DD.' })
  @given('dateOfBirth')
  @IsISO8601({ strict: true })
  @Matches(DATE)
  dateOfBirth?: string;

  @Field(() => ClientStatus, { nullable: true })
  @given('status')
  @IsIn(Object.values(ClientStatus))
  status?: ClientStatus;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; only with status DISCHARGED (defaults to today).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE)
  dischargedOn?: string | null;
}
