import { allowedRoles, requireUser, SystemScope, type RequestContext } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, Int, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { AuthPayload } from './auth-payload.type';
import { MfaEnrollment } from '../mfa/mfa.types';
import { LoginArgs } from './auth.input';
import type { AuthService } from './auth.service';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @UseMiddleware(SystemScope)
  @Mutation(() => AuthPayload, {
    description:
      'Staff sign-in with email and password. Five failures in a row lock the account for 15 minutes (ACCOUNT_LOCKED). Where the practice requires two-step verification and the user has only a passkey, the password alone is refused (UNAUTHENTICATED, reason PASSKEY_REQUIRED): use signInWithPasskey.',
  })
  login(@Args(() => LoginArgs) { email, password }: LoginArgs, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return this.auth.login(email, password, { ip: ctx.ip ?? null, userAgent: ctx.userAgent ?? null });
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => AuthPayload, { description: 'Second sign-in step for staff with MFA: a 6-digit authenticator code or a recovery code.' })
  completeMfaSignIn(@Arg('mfaToken', () => String) mfaToken: string, @Arg('code', () => String) code: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return this.auth.completeMfa(mfaToken, code, { ip: ctx.ip ?? null, userAgent: ctx.userAgent ?? null });
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => MfaEnrollment, { description: 'When sign-in answered mfaEnrollmentRequired: begins enrolling an authenticator app (mfaToken from login).' })
  startMfaEnrollmentAtSignIn(@Arg('mfaToken', () => String) mfaToken: string): Promise<MfaEnrollment> {
    return this.auth.startEnrollmentAtSignIn(mfaToken);
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => AuthPayload, { description: 'Confirms the enrolment with the first code and signs in; the payload carries the recovery codes, shown only now.' })
  completeMfaEnrollmentAtSignIn(
    @Arg('mfaToken', () => String) mfaToken: string,
    @Arg('code', () => String) code: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    return this.auth.completeEnrollmentAtSignIn(mfaToken, code, { ip: ctx.ip ?? null, userAgent: ctx.userAgent ?? null });
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => AuthPayload, { description: 'A new access token for a refresh token, which is used up; presenting it again ends the session.' })
  refreshSession(@Arg('refreshToken', () => String) refreshToken: string): Promise<AuthPayload> {
    return this.auth.refresh(refreshToken);
  }

  @Authorized(...allowedRoles('logout'))
  @Mutation(() => Boolean, { description: 'Ends this session at once.' })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.auth.logout(requireUser(ctx));
  }

  @Authorized(...allowedRoles('revokeAllSessions'))
  @Mutation(() => Int, { description: 'Ends every session of the signed-in user (all devices); returns how many were active.' })
  revokeAllSessions(@Ctx() ctx: RequestContext): Promise<number> {
    return this.auth.revokeAll(requireUser(ctx));
  }
}
