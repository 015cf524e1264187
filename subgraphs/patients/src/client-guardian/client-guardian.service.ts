import { notFound } from '@solace/server-kit';
import type { ClientGuard } from '../shared/client-guard.repository';
import type { ClientGuardianInput } from './client-guardian.input';
import type { ClientGuardianRepository } from './client-guardian.repository';
import type { ClientGuardian } from './client-guardian.type';

export class ClientGuardianService {
  constructor(
    private readonly guardians: ClientGuardianRepository,
    private readonly clients: ClientGuard,
  ) {}

  listForClient(practiceId: string, clientId: string): Promise<ClientGuardian[]> {
    return this.guardians.listForClient(practiceId, clientId);
  }

  async add(practiceId: string, clientId: string, input: ClientGuardianInput): Promise<ClientGuardian> {
    await this.clients.requireWritable(practiceId, clientId);
    return this.guardians.create(practiceId, clientId, input);
  }

  async update(practiceId: string, id: string, input: ClientGuardianInput): Promise<ClientGuardian> {
    const existing = await this.guardians.find(practiceId, id);
    if (!existing) throw notFound('ClientGuardian', id);
    await this.clients.requireWritable(practiceId, existing.clientId);
    const updated = await this.guardians.update(practiceId, id, input);
    if (!updated) throw notFound('ClientGuardian', id);
    return updated;
  }

  async remove(practiceId: string, id: string): Promise<ClientGuardian> {
    const removed = await this.guardians.remove(practiceId, id);
    if (!removed) throw notFound('ClientGuardian', id);
    return removed;
  }
}
