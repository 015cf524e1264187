import { DomainError, notFound } from '@solace/server-kit';
import type { ClientRepository } from './client.repository';
import type { CreateClientInput } from './client.input';
import type { Client } from './client.type';

export class ClientService {
  constructor(private readonly clients: ClientRepository) {}

  /** null when the client does not exist in this practice (a reference from another subgraph). */
  find(practiceId: string, id: string): Promise<Client | null> {
    return this.clients.findInPractice(practiceId, id);
  }

  /** Many clients of the practice at once (entity references of a calendar page), in any order. */
  findMany(practiceId: string, ids: readonly string[]): Promise<Client[]> {
    return this.clients.findManyInPractice(practiceId, ids);
  }

  async get(practiceId: string, id: string): Promise<Client> {
    const client = await this.clients.findInPractice(practiceId, id);
    if (!client) throw notFound('Client', id);
    return client;
  }

  list(practiceId: string, search: string | undefined, limit = 50): Promise<Client[]> {
    return this.clients.listInPractice(practiceId, search, Math.min(Math.max(limit, 1), 200));
  }

  async create(practiceId: string, input: CreateClientInput): Promise<Client> {
    if (new Date(`${input.dateOfBirth}T00:00:00Z`).getTime() > Date.now()) {
      throw new DomainError('BAD_USER_INPUT', 'The date of birth is in the future.');
    }
    return this.clients.create(practiceId, input);
  }
}
