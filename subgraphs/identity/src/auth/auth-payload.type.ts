import { Field, ObjectType } from 'type-graphql';
import { ClientAccount } from '../client-account/client-account.type';
import { StaffUser } from '../staff-user/staff-user.type';

@ObjectType({ description: 'A signed-in session, or (mfaRequired) the request for a second factor.' })
export class AuthPayload {
  @Field(() => Boolean, { description: 'True when the password was right and a second factor is needed: call completeMfaSignIn with mfaToken.' })
  mfaRequired!: boolean;

  @Field(() => Boolean, {
    description:
      'True when the password was right but the practice requires two-step verification the user has not set up: enrol with startMfaEnrollmentAtSignIn and completeMfaEnrollmentAtSignIn, using mfaToken.',
  })
  mfaEnrollmentRequired!: boolean;

  @Field(() => String, { nullable: true, description: 'For completeMfaSignIn (valid 5 minutes), or for enrolling (valid 15 minutes) when mfaEnrollmentRequired.' })
  mfaToken?: string | null;

  @Field(() => [String], { nullable: true, description: 'After enrolling at sign-in: ten one-time recovery codes, shown only now.' })
  recoveryCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Bearer token for the Authorization header; expires after 15 minutes.' })
  accessToken?: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Single-use token for refreshSession; valid 7 days. Keep it secret.' })
  refreshToken?: string | null;

  @Field(() => StaffUser, { nullable: true, description: 'The staff member, for staff sessions.' })
  user?: StaffUser | null;

  @Field(() => ClientAccount, { nullable: true, description: "The client's portal account, for client sessions." })
  clientAccount?: ClientAccount | null;
}
