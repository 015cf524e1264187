// Prisma access for note search: the index entries (written from decrypted text, so only the
// tsvector is stored) and the search itself through solace_note_search, the owner-run function
// that can use the GIN index under row-level security (migration 20261202050000_note_extras).
import { PrismaTypes, type FieldCipher, type PrismaClient } from '@solace/server-kit';
import { NOTE_BODY_FIELD, NOTE_CONTENT_FIELD } from '../note/note.repository';
import { VERSION_CONTENT_FIELD } from '../note-signing/note-signing.repository';

const { Prisma } = PrismaTypes;

export interface NoteIndexSource {
  id: string;
  authorId: string;
  clientId: string;
  serviceDate: Date;
  updatedAt: Date;
  /** Decrypted content JSON ('' before templates). */
  content: string;
  body: string;
  diagnosisCodes: string[];
  /** The latest signed version's canonical content (decrypted), null for a note never signed. */
  latestVersion: string | null;
}

export class NoteSearchRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  async source(practiceId: string, noteId: string): Promise<NoteIndexSource | null> {
    const row = await this.prisma.clinicalNote.findFirst({ where: { id: noteId, practiceId }, select: { id: true, authorId: true, clientId: true, serviceDate: true, updatedAt: true, content: true, body: true, diagnosisCodes: true } });
    if (!row) return null;
    const version = await this.prisma.noteVersion.findFirst({ where: { practiceId, noteId }, orderBy: { number: 'desc' }, select: { content: true } });
    return {
      ...row,
      content: row.content ? this.cipher.decrypt(row.content, NOTE_CONTENT_FIELD) : '',
      body: this.cipher.decrypt(row.body, NOTE_BODY_FIELD),
      latestVersion: version ? this.cipher.decrypt(version.content, VERSION_CONTENT_FIELD) : null,
    };
  }

  diagnosisDescriptions(codes: string[]): Promise<Array<{ code: string; description: string }>> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.prisma.diagnosisCode.findMany({ where: { code: { in: codes } }, select: { code: true, description: true } });
  }

  /** Replaces the note's entry; `updatedAt` is the note's, so a later change shows the entry stale. */
  async write(practiceId: string, source: NoteIndexSource, text: string): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO "NoteSearchEntry" ("noteId", "practiceId", "authorId", "clientId", "serviceDate", "document", "updatedAt")
      VALUES (${source.id}::uuid, ${practiceId}::uuid, ${source.authorId}::uuid, ${source.clientId}::uuid, ${source.serviceDate}, to_tsvector('english', ${text}), ${source.updatedAt})
      ON CONFLICT ("noteId") DO UPDATE SET "document" = EXCLUDED."document", "serviceDate" = EXCLUDED."serviceDate", "updatedAt" = EXCLUDED."updatedAt"`;
  }

  /** Notes of these authors (null: all) never indexed or changed since (written before indexing existed, or by another path). */
  async stale(practiceId: string, authors: string[] | null, limit: number): Promise<string[]> {
    const byAuthor = authors === null ? Prisma.empty : Prisma.sql`AND n."authorId" = ANY (${authors}::uuid[])`;
    const rows = await this.prisma.$queryRaw<Array<{ id: string }>>`
      SELECT n."id" FROM "ClinicalNote" n LEFT JOIN "NoteSearchEntry" e ON e."noteId" = n."id"
      WHERE n."practiceId" = ${practiceId}::uuid ${byAuthor} AND (e."noteId" IS NULL OR e."updatedAt" <> n."updatedAt")
      LIMIT ${limit}`;
    return rows.map((row) => row.id);
  }

  async search(practiceId: string, authors: string[] | null, terms: string, limit: number): Promise<Array<{ noteId: string; rank: number }>> {
    return this.prisma.$queryRaw<Array<{ noteId: string; rank: number }>>`
      SELECT "noteId", rank FROM solace_note_search(${practiceId}::uuid, ${authors}::uuid[], ${terms}, ${limit}::integer)`;
  }
}
