import type { ClientRepository } from '../client/client.repository';
import type { Client } from '../client/client.type';
import type { ClientSearchRepository } from './client-search.repository';
import { parseSearch } from './search-terms';

export const MAX_SEARCH_RESULTS = 25;

export class ClientSearchService {
  constructor(
    private readonly search: ClientSearchRepository,
    private readonly clients: ClientRepository,
  ) {}

  async find(practiceId: string, query: string, limit = 10): Promise<Client[]> {
    const ids = await this.search.search(practiceId, parseSearch(query), Math.min(Math.max(limit, 1), MAX_SEARCH_RESULTS));
    if (!ids.length) return [];
    const byId = new Map((await this.clients.findManyInPractice(practiceId, ids)).map((client) => [client.id, client]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
