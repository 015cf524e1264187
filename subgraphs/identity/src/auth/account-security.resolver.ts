import { allowedRoles, requireUser, SystemScope, type RequestContext } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import type { AccountSecurityService } from './account-security.service';
import { ChangePasswordArgs, RequestEmailChangeArgs, SessionInfo } from './account-security.types';

@Resolver()
export class AccountSecurityResolver {
  constructor(private readonly account: AccountSecurityService) {}

  @Authorized(...allowedRoles('mySessions'))
  @Query(() => [SessionInfo], { description: 'Your signed-in sessions, newest first.' })
  mySessions(@Ctx() ctx: RequestContext) {
    return this.account.mySessions(requireUser(ctx));
  }

  @Authorized(...allowedRoles('revokeSession'))
  @Mutation(() => Boolean, { description: 'Signs one of your sessions out at once.' })
  revokeSession(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.account.revokeSession(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('changePassword'))
  @Mutation(() => Boolean, { description: 'Changes your password (policy applies, WEAK_PASSWORD); your other sessions end.' })
  changePassword(@Args(() => ChangePasswordArgs) { currentPassword, newPassword }: ChangePasswordArgs, @Ctx() ctx: RequestContext) {
    return this.account.changePassword(requireUser(ctx), currentPassword, newPassword);
  }

  @Authorized(...allowedRoles('requestEmailChange'))
  @Mutation(() => Boolean, { description: 'Emails a link to the new address; your sign-in email changes when it is used (24 hours).' })
  requestEmailChange(@Args(() => RequestEmailChangeArgs) { newEmail, currentPassword }: RequestEmailChangeArgs, @Ctx() ctx: RequestContext) {
    return this.account.requestEmailChange(requireUser(ctx), newEmail, currentPassword, ctx.requestId);
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => Boolean, { description: 'Confirms a new sign-in email with the emailed link (INVALID_TOKEN, CONFLICT when taken meanwhile).' })
  confirmEmailChange(@Arg('token', () => String) token: string) {
    return this.account.confirmEmailChange(token);
  }
}
