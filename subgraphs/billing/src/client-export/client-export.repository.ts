import { exportRecord, type ExportRecord, type PrismaClient } from '@solace/server-kit';

export class ClientExportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async charges(practiceId: string, clientId: string): Promise<ExportRecord[]> {
    const rows = await this.prisma.charge.findMany({
      where: { practiceId, clientId },
      select: { id: true, appointmentId: true, cptCode: true, amountCents: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map(exportRecord);
  }
}
