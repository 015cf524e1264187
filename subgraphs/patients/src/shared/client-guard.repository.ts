import { DomainError, notFound, type PrismaClient } from '@solace/server-kit';

/** Checks on the client a sub-record (insurance, guardian, consent) belongs to. */
export class ClientGuard {
  constructor(private readonly prisma: PrismaClient) {}

  /** The client must be in the caller's practice and not erased; returns its date of birth (YYYY-MM-DD). */
  async requireWritable(practiceId: string, clientId: string): Promise<{ dateOfBirth: string }> {
    const client = await this.prisma.client.findFirst({ where: { id: clientId, practiceId }, select: { dateOfBirth: true, erasedAt: true } });
    if (!client) throw notFound('Client', clientId);
    if (client.erasedAt) throw new DomainError('CONFLICT', 'This client record was erased; it can no longer be changed.');
    return { dateOfBirth: client.dateOfBirth.toISOString().slice(0, 10) };
  }
}
