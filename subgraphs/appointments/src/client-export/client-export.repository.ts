import { exportRecord, type ExportRecord, type PrismaClient } from '@solace/server-kit';

export class ClientExportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async appointments(practiceId: string, clientId: string): Promise<ExportRecord[]> {
    const rows = await this.prisma.appointment.findMany({
      where: { practiceId, clientId },
      select: { id: true, clinicianId: true, startsAt: true, endsAt: true, status: true, createdAt: true, updatedAt: true },
      orderBy: { startsAt: 'asc' },
    });
    return rows.map(exportRecord);
  }
}
