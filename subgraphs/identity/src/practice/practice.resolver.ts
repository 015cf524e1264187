import { allowedRoles, cleanedText, DomainError, IsBlankOr, IsNpi, requireUser, US_STATE_CODES, type RequestContext } from '@solace/server-kit';
import { IsEmail, IsIn, IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { PracticeRepository } from './practice.repository';
import { Practice } from './practice.type';

@InputType()
export class PracticeAddressInput {
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

  @Field(() => String, { description: 'USPS two-letter state code, e.g. GA.' })
  @IsIn(US_STATE_CODES, { message: 'state must be a USPS two-letter code such as GA' })
  state!: string;

  @Field(() => String, { description: 'ZIP (12345) or ZIP+4 (12345-6789).' })
  @Matches(/^\d{5}(-\d{4})?$/, { message: 'postalCode must be a ZIP code: 12345 or 12345-6789' })
  postalCode!: string;
}

@InputType({ description: 'Fields left out stay as they are; null or blank text clears an optional detail.' })
export class PracticeSettingsInput {
  @Field(() => String)
  @Length(1, 120)
  name!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. America/New_York: times are shown and hours kept in it.' })
  @Length(1, 64)
  timeZone!: string;

  @Field(() => String, { nullable: true })
  @IsBlankOr()
  @Matches(/^\+?[0-9 ().-]{7,20}$/, { message: 'phone must be 7 to 20 digits, spaces, brackets, dots or dashes' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsBlankOr()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => PracticeAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  address?: PracticeAddressInput | null;

  @Field(() => String, { nullable: true, description: 'Organisation (type 2) NPI: 10 digits with a valid check digit.' })
  @IsBlankOr()
  @IsNpi()
  npi?: string | null;

  @Field(() => String, { nullable: true, description: 'Employer Identification Number: NN-NNNNNNN or nine digits.' })
  @IsBlankOr()
  @Matches(/^\d{2}-?\d{7}$/, { message: 'taxId must be an EIN: NN-NNNNNNN' })
  taxId?: string | null;
}

/** An EIN is stored as its nine digits. */
const withoutDash = (ein: string | null | undefined) => (typeof ein === 'string' ? ein.replace('-', '') : ein);

/** Whether Node's ICU knows the zone (it lists every canonical IANA name). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

@Resolver(() => Practice)
export class PracticeResolver {
  constructor(private readonly practices: PracticeRepository) {}

  @Authorized(...allowedRoles('currentPractice'))
  @Query(() => Practice, { description: "The signed-in user's practice." })
  async currentPractice(@Ctx() ctx: RequestContext): Promise<Practice> {
    const practice = await this.practices.findById(requireUser(ctx).practiceId);
    // A signed token whose practice was removed: the session is no longer valid.
    if (!practice) throw new DomainError('UNAUTHENTICATED', 'Your practice is no longer available; sign in again.');
    return practice;
  }

  @Authorized(...allowedRoles('updatePracticeSettings'))
  @Mutation(() => Practice, { description: 'Admins: the practice’s name, time zone (weekly hours are wall-clock times in it) and public details.' })
  async updatePracticeSettings(@Arg('input', () => PracticeSettingsInput) input: PracticeSettingsInput, @Ctx() ctx: RequestContext): Promise<Practice> {
    if (!isTimeZone(input.timeZone)) throw new DomainError('BAD_USER_INPUT', `Unknown time zone "${input.timeZone}"; use an IANA name such as America/New_York.`, { details: { reason: 'UNKNOWN_TIME_ZONE' } });
    if (input.name.trim() === '') throw new DomainError('BAD_USER_INPUT', 'The practice needs a name.', { details: { reason: 'NAME_REQUIRED' } });
    const { practiceId } = requireUser(ctx);
    const address = input.address && { line1: input.address.line1.trim(), line2: cleanedText(input.address.line2) ?? null, city: input.address.city.trim(), state: input.address.state, postalCode: input.address.postalCode };
    const practice = await this.practices.update(practiceId, {
      name: input.name.trim(),
      timeZone: input.timeZone,
      phone: cleanedText(input.phone),
      email: cleanedText(input.email),
      address,
      npi: cleanedText(input.npi),
      taxId: withoutDash(cleanedText(input.taxId)),
    });
    ctx.audit?.record('UPDATE', 'Practice', practiceId);
    return practice;
  }

  @Authorized(...allowedRoles('setStaffMfaRequired'))
  @Mutation(() => Practice, { description: 'Admins: require (or stop requiring) two-step verification for every staff sign-in.' })
  async setStaffMfaRequired(@Arg('required', () => Boolean) required: boolean, @Ctx() ctx: RequestContext): Promise<Practice> {
    const { practiceId } = requireUser(ctx);
    const practice = await this.practices.setStaffMfaRequired(practiceId, required);
    // Not PHI, but who weakened or strengthened sign-in belongs on the practice's record.
    ctx.audit?.record('UPDATE', 'Practice', practiceId);
    return practice;
  }
}

/** A Practice reference resolves only inside the caller's own practice. */
export const practiceReference = (practices: PracticeRepository) => ({
  __resolveReference: (reference: { id: string }, ctx: RequestContext) => {
    const user = requireUser(ctx);
    return reference.id === user.practiceId ? practices.findById(reference.id) : null;
  },
});
