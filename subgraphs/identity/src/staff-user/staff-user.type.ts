import { DomainError, type RequestContext } from '@solace/server-kit';
import { Directive, Field, ID, ObjectType, UseMiddleware, type MiddlewareFn } from 'type-graphql';

// A client sees who wrote to them (displayName), never staff's sign-in email or roles. (Not
// @Authorized: sign-in answers these fields to a caller who has no token yet.)
export const hiddenFromClients: MiddlewareFn<RequestContext> = ({ context }, next) => {
  if (context.user?.roles.includes('CLIENT')) throw new DomainError('FORBIDDEN', 'Clients see only the names of staff.');
  return next();
};
import { Role } from './role.enum';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A member of staff: clinician, supervisor, biller, front desk or admin.' })
export class StaffUser {
  @Field(() => ID)
  id!: string;

  practiceId!: string;

  @Field(() => String)
  displayName!: string;

  @UseMiddleware(hiddenFromClients)
  @Field(() => String)
  email!: string;

  @UseMiddleware(hiddenFromClients)
  @Field(() => [Role])
  roles!: Role[];

  @UseMiddleware(hiddenFromClients)
  @Field(() => Date, { nullable: true, description: 'When the email address was confirmed (invitation accepted, reset used or change confirmed).' })
  emailVerifiedAt?: Date | null;

  @UseMiddleware(hiddenFromClients)
  @Field(() => Date, { nullable: true, description: 'Since when an authenticator app protects the sign-in (null: none).' })
  mfaEnabledAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Credentials printed after the name on signatures and documents, e.g. "LPC, NCC".' })
  credentials?: string | null;

  @UseMiddleware(hiddenFromClients)
  @Field(() => String, { nullable: true, description: 'Individual (type 1) National Provider Identifier.' })
  npi?: string | null;

  // The licence columns, shown as `license` (professional-details.resolver.ts).
  licenseNumber?: string | null;
  licenseState?: string | null;
  licenseExpiresOn?: Date | null;
}
