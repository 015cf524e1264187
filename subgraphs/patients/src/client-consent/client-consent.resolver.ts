import { allowedRoles, AuditAs, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import { ClientConsentInput } from './client-consent.input';
import { isMinorOn, type ClientConsentService } from './client-consent.service';
import { ClientConsent, ClientConsentStatus } from './client-consent.type';

@Resolver(() => Client)
export class ClientConsentResolver {
  constructor(private readonly service: ClientConsentService) {}

  @FieldResolver(() => [ClientConsent], { description: 'Newest first, revoked ones included.' })
  consents(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientConsent[]> {
    return this.service.listForClient(requireUser(ctx, allowedRoles('client')).practiceId, client.id);
  }

  @FieldResolver(() => ClientConsentStatus)
  consentStatus(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientConsentStatus> {
    return this.service.statusFor(requireUser(ctx, allowedRoles('client')).practiceId, client);
  }

  @FieldResolver(() => Boolean, { description: 'Under 18 today.' })
  isMinor(@Root() client: Client): boolean {
    return isMinorOn(client.dateOfBirth);
  }

  @Authorized(...allowedRoles('addClientConsent'))
  @AuditAs('CREATE')
  @Mutation(() => ClientConsent)
  addClientConsent(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('input', () => ClientConsentInput) input: ClientConsentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientConsent> {
    return this.service.add(requireUser(ctx).practiceId, clientId, input);
  }

  @Authorized(...allowedRoles('revokeClientConsent'))
  @Mutation(() => ClientConsent, { description: 'Marks a consent revoked (kept for the record); a second call changes nothing.' })
  revokeClientConsent(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ClientConsent> {
    return this.service.revoke(requireUser(ctx).practiceId, id);
  }
}
