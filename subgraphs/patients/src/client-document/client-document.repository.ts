import type { PrismaClient } from '@solace/server-kit';
import type { ClientDocumentKind } from './client-document.type';

const FIELDS = { id: true, clientId: true, kind: true, filename: true, contentType: true, sizeBytes: true, storageKey: true, createdAt: true, confirmedAt: true } as const;

export interface DocumentRow {
  id: string;
  clientId: string;
  kind: ClientDocumentKind;
  filename: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  createdAt: Date;
  confirmedAt: Date | null;
}

export class ClientDocumentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  create(data: { practiceId: string; clientId: string; kind: ClientDocumentKind; filename: string; contentType: string; sizeBytes: number; storageKey: string; uploadedById: string }): Promise<DocumentRow> {
    return this.prisma.clientDocument.create({ data, select: FIELDS });
  }

  find(practiceId: string, id: string): Promise<DocumentRow | null> {
    return this.prisma.clientDocument.findFirst({ where: { practiceId, id }, select: FIELDS });
  }

  listConfirmed(practiceId: string, clientId: string): Promise<DocumentRow[]> {
    return this.prisma.clientDocument.findMany({ where: { practiceId, clientId, confirmedAt: { not: null } }, select: FIELDS, orderBy: { createdAt: 'desc' } });
  }

  async confirm(practiceId: string, id: string, sizeBytes: number, now: Date): Promise<DocumentRow | null> {
    await this.prisma.clientDocument.updateMany({ where: { practiceId, id, confirmedAt: null }, data: { confirmedAt: now, sizeBytes } });
    return this.find(practiceId, id);
  }

  async remove(practiceId: string, id: string): Promise<void> {
    await this.prisma.clientDocument.deleteMany({ where: { practiceId, id } });
  }
}
