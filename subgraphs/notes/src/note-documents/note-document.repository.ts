// Prisma access for note documents: the people and practice the PDF names (read-only looks at the
// identity and patients domains) and the record of what was shared with which client.
import type { PrismaClient } from '@solace/server-kit';

export type SharedDocumentKind = 'FULL_NOTE' | 'SESSION_SUMMARY';

export interface SharedDocumentRow {
  id: string;
  clientId: string;
  noteId: string;
  kind: SharedDocumentKind;
  versionNumber: number;
  sharedById: string;
  sharedAt: Date;
  revokedAt: Date | null;
  revokedById: string | null;
}

const SHARED_FIELDS = { id: true, clientId: true, noteId: true, kind: true, versionNumber: true, sharedById: true, sharedAt: true, revokedAt: true, revokedById: true } as const;

export class NoteDocumentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The practice as the PDF header prints it: name, postal address lines, phone, email and NPI. */
  async practice(practiceId: string) {
    const row = await this.prisma.practice.findFirst({
      where: { id: practiceId },
      select: { name: true, timeZone: true, phone: true, email: true, npi: true, addressLine1: true, addressLine2: true, addressCity: true, addressState: true, addressPostalCode: true },
    });
    if (!row) return null;
    const cityLine = row.addressCity ? `${row.addressCity}, ${row.addressState ?? ''} ${row.addressPostalCode ?? ''}`.trim() : null;
    const addressLines = [row.addressLine1, row.addressLine2, cityLine].filter((line): line is string => !!line);
    return { name: row.name, timeZone: row.timeZone, addressLines, phone: row.phone, email: row.email, npi: row.npi };
  }

  client(practiceId: string, clientId: string) {
    return this.prisma.client.findFirst({ where: { id: clientId, practiceId }, select: { firstName: true, lastName: true, preferredName: true, dateOfBirth: true, erasedAt: true } });
  }

  /** Staff as documents name them: "Maya Lindqvist, LPC" when credentials are recorded. */
  async staffNames(practiceId: string, ids: string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.staffUser.findMany({ where: { practiceId, id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true, credentials: true } });
    return new Map(rows.map((row) => [row.id, row.credentials ? `${row.displayName}, ${row.credentials}` : row.displayName]));
  }

  share(data: { practiceId: string; clientId: string; noteId: string; kind: SharedDocumentKind; versionNumber: number; sharedById: string; sharedAt: Date }): Promise<SharedDocumentRow> {
    return this.prisma.sharedDocument.create({ data, select: SHARED_FIELDS });
  }

  find(practiceId: string, id: string): Promise<SharedDocumentRow | null> {
    return this.prisma.sharedDocument.findFirst({ where: { id, practiceId }, select: SHARED_FIELDS });
  }

  /** Revokes once; false when it was revoked already. */
  async revoke(practiceId: string, id: string, revokedById: string, revokedAt: Date): Promise<boolean> {
    const { count } = await this.prisma.sharedDocument.updateMany({ where: { id, practiceId, revokedAt: null }, data: { revokedAt, revokedById } });
    return count === 1;
  }

  /** Newest first; the portal asks for the unrevoked ones only. */
  forClient(practiceId: string, clientId: string, options: { includeRevoked: boolean }): Promise<SharedDocumentRow[]> {
    return this.prisma.sharedDocument.findMany({ where: { practiceId, clientId, ...(options.includeRevoked ? {} : { revokedAt: null }) }, select: SHARED_FIELDS, orderBy: { sharedAt: 'desc' }, take: 200 });
  }

  /** The note facts a listing shows beside each document (type and date of service). */
  async noteFacts(practiceId: string, noteIds: string[]): Promise<Map<string, { noteType: string; serviceDate: Date; authorId: string }>> {
    const rows = await this.prisma.clinicalNote.findMany({ where: { practiceId, id: { in: [...new Set(noteIds)] } }, select: { id: true, noteType: true, serviceDate: true, authorId: true } });
    return new Map(rows.map((row) => [row.id, row]));
  }
}
