import type { PrismaClient } from '@solace/server-kit';
import type { ClientGuardianInput } from './client-guardian.input';
import type { ClientGuardian } from './client-guardian.type';

const FIELDS = { id: true, clientId: true, name: true, relationship: true, phone: true, email: true, isLegalGuardian: true } as const;

const columns = (input: ClientGuardianInput) => ({
  name: input.name.trim(),
  relationship: input.relationship.trim(),
  phone: input.phone?.trim() || null,
  email: input.email?.trim().toLowerCase() || null,
  isLegalGuardian: input.isLegalGuardian,
});

export class ClientGuardianRepository {
  constructor(private readonly prisma: PrismaClient) {}

  listForClient(practiceId: string, clientId: string): Promise<ClientGuardian[]> {
    return this.prisma.clientGuardian.findMany({ where: { practiceId, clientId }, select: FIELDS, orderBy: [{ isLegalGuardian: 'desc' }, { createdAt: 'asc' }] });
  }

  find(practiceId: string, id: string): Promise<ClientGuardian | null> {
    return this.prisma.clientGuardian.findFirst({ where: { practiceId, id }, select: FIELDS });
  }

  create(practiceId: string, clientId: string, input: ClientGuardianInput): Promise<ClientGuardian> {
    return this.prisma.clientGuardian.create({ data: { practiceId, clientId, ...columns(input) }, select: FIELDS });
  }

  async update(practiceId: string, id: string, input: ClientGuardianInput): Promise<ClientGuardian | null> {
    const { count } = await this.prisma.clientGuardian.updateMany({ where: { practiceId, id }, data: columns(input) });
    return count === 0 ? null : this.find(practiceId, id);
  }

  async remove(practiceId: string, id: string): Promise<ClientGuardian | null> {
    const existing = await this.find(practiceId, id);
    if (existing) await this.prisma.clientGuardian.deleteMany({ where: { practiceId, id } });
    return existing;
  }
}
