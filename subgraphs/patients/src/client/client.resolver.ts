import { allowedRoles, AuditAs, type RequestContext, requestLoader, requireUser } from '@solace/server-kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CreateClientInput, UpdateClientInput } from './client.input';
import type { ClientService } from './client.service';
import { Client, ClientStatus } from './client.type';

@Resolver(() => Client)
export class ClientResolver {
  constructor(private readonly service: ClientService) {}

  @Authorized(...allowedRoles('client'))
  @Query(() => Client)
  client(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Client> {
    return this.service.get(requireUser(ctx).practiceId, id);
  }

  @Authorized(...allowedRoles('clients'))
  @Query(() => [Client], { description: 'Clients of the practice, by last name; `search` matches first or last name.' })
  clients(
    @Ctx() ctx: RequestContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit?: number,
    @Arg('status', () => ClientStatus, { nullable: true }) status?: ClientStatus,
  ): Promise<Client[]> {
    return this.service.list(requireUser(ctx).practiceId, search, limit, status ?? undefined);
  }

  @Authorized(...allowedRoles('createClient'))
  @AuditAs('CREATE')
  @Mutation(() => Client)
  createClient(@Arg('input', () => CreateClientInput) input: CreateClientInput, @Ctx() ctx: RequestContext): Promise<Client> {
    return this.service.create(requireUser(ctx).practiceId, input);
  }

  @Authorized(...allowedRoles('updateClient'))
  @AuditAs('UPDATE')
  @Mutation(() => Client, { description: 'Changes some fields of a client record; status DISCHARGED records the discharge date.' })
  updateClient(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateClientInput) input: UpdateClientInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Client> {
    return this.service.update(requireUser(ctx).practiceId, id, input);
  }
}

// Batched per request: a week of appointments names each client in one query.
export const clientReference = (clients: ClientService) => ({
  __resolveReference: (reference: { id: string }, ctx: RequestContext) => {
    const { practiceId } = requireUser(ctx, allowedRoles('client'));
    return requestLoader(ctx, `Client:${practiceId}`, (ids) => clients.findMany(practiceId, ids)).load(reference.id);
  },
});
