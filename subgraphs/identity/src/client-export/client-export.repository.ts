import { exportRecord, type ExportRecord, type PrismaClient } from '@solace/server-kit';

export class ClientExportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async portalAccount(practiceId: string, clientId: string): Promise<ExportRecord | null> {
    const account = await this.prisma.clientAccount.findFirst({
      where: { practiceId, clientId },
      select: { id: true, email: true, active: true, createdAt: true, lastSignInAt: true },
    });
    return account && exportRecord(account);
  }

  /** Who accessed the client's record and when (the audit trail's entries about the client). */
  async accessLog(practiceId: string, clientId: string): Promise<ExportRecord[]> {
    const events = await this.prisma.auditEvent.findMany({
      where: { practiceId, entityType: 'Client', entityId: clientId },
      select: { seq: true, occurredAt: true, actorId: true, action: true, requestId: true },
      orderBy: { seq: 'asc' },
    });
    return events.map(exportRecord);
  }
}
