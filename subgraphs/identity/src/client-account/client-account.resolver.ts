import { allowedRoles, AuditAs, notFound, requireUser, runInPracticeScope, SystemScope, type RequestContext } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { AuthPayload } from '../auth/auth-payload.type';
import type { PracticeRepository } from '../practice/practice.repository';
import { Practice } from '../practice/practice.type';
import { ClientIdArgs, CompleteClientSignInArgs, InviteClientToPortalArgs, RequestClientSignInArgs } from './client-account.input';
import { ClientAccount, ClientWithPortalAccount } from './client-account.type';
import type { ClientPortalService } from './client-portal.service';
import type { ClientSignInService } from './client-sign-in.service';

const metaOf = (ctx: RequestContext) => ({ ip: ctx.ip ?? null, userAgent: ctx.userAgent ?? null });

@Resolver(() => ClientAccount)
export class ClientSignInResolver {
  constructor(
    private readonly signIn: ClientSignInService,
    private readonly portal: ClientPortalService,
    private readonly practices: PracticeRepository,
  ) {}

  @UseMiddleware(SystemScope)
  @Mutation(() => Boolean, {
    description: 'Emails a client a sign-in code and link (valid 15 minutes). Always true, whether or not the address has an account; RATE_LIMITED when asked too often.',
  })
  requestClientSignIn(@Args(() => RequestClientSignInArgs) { email }: RequestClientSignInArgs, @Ctx() ctx: RequestContext): Promise<boolean> {
    return this.signIn.request(email, metaOf(ctx), ctx.requestId);
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => AuthPayload, { description: 'Client sign-in with the emailed six-digit code. Five wrong codes burn it (INVALID_TOKEN).' })
  completeClientSignIn(@Args(() => CompleteClientSignInArgs) { email, code }: CompleteClientSignInArgs, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return this.signIn.completeWithCode(email, code, metaOf(ctx));
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => AuthPayload, { description: "Client sign-in with the emailed magic link's token (single use; INVALID_TOKEN otherwise)." })
  completeClientSignInWithLink(@Arg('token', () => String) token: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return this.signIn.completeWithLink(token, metaOf(ctx));
  }

  @Authorized(...allowedRoles('portalMe'))
  @Query(() => ClientAccount, { description: "The signed-in client's portal account." })
  portalMe(@Ctx() ctx: RequestContext): Promise<ClientAccount> {
    return this.portal.me(requireUser(ctx));
  }

  @FieldResolver(() => Practice, { description: 'The practice whose portal this is.' })
  async practice(@Root() account: ClientAccount): Promise<Practice> {
    // Also resolved right after a client signs in, before the request carries their practice:
    // the account (already found legitimately) names the one practice to read.
    const practice = await runInPracticeScope(account.practiceId, () => this.practices.findById(account.practiceId));
    if (!practice) throw notFound('Practice', account.practiceId);
    return practice;
  }
}

@Resolver(() => ClientWithPortalAccount)
export class ClientPortalResolver {
  constructor(private readonly portal: ClientPortalService) {}

  @Authorized(...allowedRoles('inviteClientToPortal'))
  @AuditAs('CREATE')
  @Mutation(() => ClientAccount, { description: 'Gives a client portal access (creating or reactivating the account) and emails them a link in, valid 3 days.' })
  inviteClientToPortal(@Args(() => InviteClientToPortalArgs) { clientId, email }: InviteClientToPortalArgs, @Ctx() ctx: RequestContext): Promise<ClientAccount> {
    return this.portal.invite(requireUser(ctx), clientId, email, ctx.requestId);
  }

  @Authorized(...allowedRoles('disableClientPortalAccess'))
  @Mutation(() => ClientAccount, { description: "Turns a client's portal sign-in off and ends their sessions at once." })
  disableClientPortalAccess(@Args(() => ClientIdArgs) { clientId }: ClientIdArgs, @Ctx() ctx: RequestContext): Promise<ClientAccount> {
    return this.portal.disable(requireUser(ctx), clientId);
  }

  @FieldResolver(() => ClientAccount, { nullable: true, description: "The client's portal account, if they were ever invited (staff only)." })
  portalAccount(@Root() client: ClientWithPortalAccount, @Ctx() ctx: RequestContext): Promise<ClientAccount | null> {
    return this.portal.forClient(requireUser(ctx, allowedRoles('client')), client.id);
  }
}

/** The router asks identity for Client.portalAccount with only the key; authorization happens in the field. */
export const clientPortalReference = () => ({ __resolveReference: (reference: { id: string }) => ({ id: reference.id }) });
