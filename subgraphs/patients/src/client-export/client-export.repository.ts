import type { PrismaClient } from '@solace/server-kit';

export class ClientExportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The whole client row, for the data-subject export (never used to render screens). */
  findForExport(practiceId: string, clientId: string) {
    return this.prisma.client.findFirst({
      where: { id: clientId, practiceId },
      // Every column but the practice and erasure bookkeeping: the client is entitled to all of it.
      omit: { practiceId: true, erasedAt: true },
    });
  }
}
