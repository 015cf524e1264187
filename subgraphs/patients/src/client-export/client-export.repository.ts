import type { PrismaClient } from '@solace/server-kit';

export class ClientExportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The whole client row, for the data-subject export (never used to render screens). */
  findForExport(practiceId: string, clientId: string) {
    return this.prisma.client.findFirst({
      where: { id: clientId, practiceId },
      select: { id: true, firstName: true, lastName: true, dateOfBirth: true, email: true, phone: true, status: true, createdAt: true, updatedAt: true },
    });
  }
}
