import { allowedRoles, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Client } from '../client/client.type';
import type { ClientSearchService } from './client-search.service';

@Resolver(() => Client)
export class ClientSearchResolver {
  constructor(private readonly service: ClientSearchService) {}

  @Authorized(...allowedRoles('searchClients'))
  @Query(() => [Client], {
    description:
      'Autocomplete: clients whose name is like the query (typos and prefixes too), or whose date of birth (YYYY-MM-DD or MM/DD/YYYY), phone digits or id (whole or first 8 characters) match it. Best first; at most 25.',
  })
  searchClients(
    @Arg('query', () => String) query: string,
    @Ctx() ctx: RequestContext,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit?: number,
  ): Promise<Client[]> {
    return this.service.find(requireUser(ctx).practiceId, query, limit);
  }
}
