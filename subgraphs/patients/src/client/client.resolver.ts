import { AuditAs, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CreateClientInput } from './client.input';
import type { ClientService } from './client.service';
import { Client } from './client.type';

// Client records are PHI: staff who work with clients may read them; clients' own portal access comes later.
const CLIENT_READERS = ['ADMIN', 'CLINICIAN', 'SUPERVISOR', 'BILLING', 'FRONT_DESK'] as const;
const CLIENT_WRITERS = ['ADMIN', 'CLINICIAN', 'FRONT_DESK'] as const;

@Resolver(() => Client)
export class ClientResolver {
  constructor(private readonly service: ClientService) {}

  @Authorized(...CLIENT_READERS)
  @Query(() => Client)
  client(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Client> {
    return this.service.get(requireUser(ctx).practiceId, id);
  }

  @Authorized(...CLIENT_READERS)
  @Query(() => [Client], { description: 'Clients of the practice, by last name; `search` matches first or last name.' })
  clients(
    @Ctx() ctx: RequestContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit?: number,
  ): Promise<Client[]> {
    return this.service.list(requireUser(ctx).practiceId, search, limit);
  }

  @Authorized(...CLIENT_WRITERS)
  @AuditAs('CREATE')
  @Mutation(() => Client)
  createClient(@Arg('input', () => CreateClientInput) input: CreateClientInput, @Ctx() ctx: RequestContext): Promise<Client> {
    return this.service.create(requireUser(ctx).practiceId, input);
  }
}

export const clientReference = (clients: ClientService) => ({
  __resolveReference: (reference: { id: string }, ctx: RequestContext) =>
    clients.find(requireUser(ctx, CLIENT_READERS).practiceId, reference.id),
});
