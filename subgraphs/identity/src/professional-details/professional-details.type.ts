import { IsBlankOr, IsNpi, US_STATE_CODES } from '@solace/server-kit';
import { IsIn, IsISO8601, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: "A clinician's state licence." })
export class StaffLicense {
  @Field(() => String)
  number!: string;

  @Field(() => String, { description: 'USPS two-letter code of the issuing state.' })
  state!: string;

  @Field(() => String, { nullable: true, description: 'Expiry date (YYYY-MM-DD), when the licence has one.' })
  expiresOn!: string | null;

  @Field(() => Boolean, { description: 'Expired already, or expiring within the next 60 days.' })
  renewalDue!: boolean;
}

@InputType()
export class StaffLicenseInput {
  @Field(() => String)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}$/, { message: 'license number must be up to 40 letters, digits, spaces, dots, slashes or dashes' })
  number!: string;

  @Field(() => String)
  @IsIn(US_STATE_CODES, { message: 'license state must be a USPS two-letter code such as GA' })
  state!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'license expiry must be a date: YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'license expiry must be a date: YYYY-MM-DD' })
  expiresOn?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; null or blank text clears one.' })
export class StaffProfessionalDetailsInput {
  @Field(() => String, { nullable: true, description: 'Letters after the name, e.g. "LPC, NCC".' })
  @IsBlankOr()
  @MaxLength(40)
  @Matches(/^[A-Za-z0-9 .,()'/-]+$/, { message: 'credentials may use letters, digits, spaces and . , ( ) \' / -' })
  credentials?: string | null;

  @Field(() => String, { nullable: true, description: 'Individual (type 1) NPI: 10 digits with a valid check digit.' })
  @IsBlankOr()
  @IsNpi()
  npi?: string | null;

  @Field(() => StaffLicenseInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  license?: StaffLicenseInput | null;
}
