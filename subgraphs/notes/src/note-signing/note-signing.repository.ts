// Prisma access for signing: the note as it is signed (decrypted), its signed versions, signatures
// and review events. Every state change is one transaction with a guarded update (the row is
// changed only from the expected state and revision), so nothing is half-written and a concurrent
// save or signature makes the second one fail instead of overwriting.
import type { FieldCipher, PrismaClient } from '@solace/server-kit';
import { NOTE_BODY_FIELD, NOTE_CONTENT_FIELD } from '../note/note.repository';

export const VERSION_CONTENT_FIELD = 'NoteVersion.content';
export const REVIEW_COMMENT_FIELD = 'NoteReviewEvent.comment';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const NOTE_FIELDS = {
  id: true,
  practiceId: true,
  appointmentId: true,
  clientId: true,
  authorId: true,
  noteType: true,
  templateVersionId: true,
  serviceDate: true,
  status: true,
  body: true,
  content: true,
  diagnosisCodes: true,
  revision: true,
  submittedAt: true,
  signedAt: true,
  signedById: true,
} as const;

export interface NoteForSigning {
  id: string;
  practiceId: string;
  appointmentId: string;
  clientId: string;
  authorId: string;
  noteType: string;
  templateVersionId: string | null;
  serviceDate: Date;
  status: 'DRAFT' | 'IN_REVIEW' | 'SIGNED' | 'AMENDED';
  body: string;
  /** Decrypted template field values (JSON text). */
  content: string;
  diagnosisCodes: string[];
  revision: number;
  submittedAt: Date | null;
  signedAt: Date | null;
  signedById: string | null;
}

export interface SignatureInput {
  signerId: string;
  role: 'AUTHOR' | 'COSIGNER';
  signedAt: Date;
  ip: string | null;
  attestation: string;
}

export interface StoredSignature extends SignatureInput {
  id: string;
  contentHash: string;
}

export interface StoredVersion {
  id: string;
  noteId: string;
  number: number;
  kind: 'ORIGINAL' | 'ADDENDUM';
  authorId: string;
  /** Decrypted canonical content. */
  content: string;
  contentHash: string;
  createdAt: Date;
  signatures: StoredSignature[];
}

export interface StoredReviewEvent {
  id: string;
  noteId: string;
  actorId: string;
  action: 'SUBMITTED' | 'RETURNED' | 'COSIGNED';
  comment: string | null;
  ip: string | null;
  contentHash: string | null;
  createdAt: Date;
}

const SIGNATURE_FIELDS = { id: true, signerId: true, role: true, signedAt: true, ip: true, contentHash: true, attestation: true } as const;
const VERSION_FIELDS = { id: true, noteId: true, number: true, kind: true, authorId: true, content: true, contentHash: true, createdAt: true, signatures: { select: SIGNATURE_FIELDS, orderBy: { signedAt: 'asc' } } } as const;
const EVENT_FIELDS = { id: true, noteId: true, actorId: true, action: true, comment: true, ip: true, contentHash: true, createdAt: true } as const;

export interface NewVersion {
  number: number;
  kind: 'ORIGINAL' | 'ADDENDUM';
  authorId: string;
  content: string;
  contentHash: string;
  signatures: SignatureInput[];
}

export class NoteSigningRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  async findNote(practiceId: string, id: string): Promise<NoteForSigning | null> {
    const row = await this.prisma.clinicalNote.findFirst({ where: { id, practiceId }, select: NOTE_FIELDS });
    if (!row) return null;
    return { ...row, body: this.cipher.decrypt(row.body, NOTE_BODY_FIELD), content: row.content ? this.cipher.decrypt(row.content, NOTE_CONTENT_FIELD) : '' } as NoteForSigning;
  }

  async versions(practiceId: string, noteId: string): Promise<StoredVersion[]> {
    const rows = await this.prisma.noteVersion.findMany({ where: { practiceId, noteId }, select: VERSION_FIELDS, orderBy: { number: 'asc' } });
    return rows.map((row) => ({ ...row, content: this.cipher.decrypt(row.content, VERSION_CONTENT_FIELD) }));
  }

  /** Signed addenda each author wrote since `since`, that no supervisor has co-signed yet, oldest first. */
  async addendaWithoutCosigner(practiceId: string, authors: Array<{ authorId: string; since: Date }>, limit: number): Promise<StoredVersion[]> {
    if (authors.length === 0) return [];
    const rows = await this.prisma.noteVersion.findMany({
      where: { practiceId, kind: 'ADDENDUM', OR: authors.map(({ authorId, since }) => ({ authorId, createdAt: { gte: since } })), signatures: { none: { role: 'COSIGNER' } } },
      select: VERSION_FIELDS,
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
    return rows.map((row) => ({ ...row, content: this.cipher.decrypt(row.content, VERSION_CONTENT_FIELD) }));
  }

  /** Adds the supervisor's signature to a signed version; false when it already has a co-signer. */
  async addCosignature(practiceId: string, version: StoredVersion, signature: { signerId: string; signedAt: Date; ip: string | null; attestation: string }): Promise<boolean> {
    try {
      await this.prisma.noteSignature.create({ data: { ...signature, practiceId, versionId: version.id, role: 'COSIGNER', contentHash: version.contentHash } });
      return true;
    } catch (error) {
      // One co-signer per version (a partial unique index): a second, concurrent co-signature loses.
      if ((error as { code?: string }).code === 'P2002') return false;
      throw error;
    }
  }

  async reviewEvents(practiceId: string, noteId: string): Promise<StoredReviewEvent[]> {
    const rows = await this.prisma.noteReviewEvent.findMany({ where: { practiceId, noteId }, select: EVENT_FIELDS, orderBy: { createdAt: 'asc' } });
    return rows.map((row) => this.readableEvent(row));
  }

  /** The latest review event of each note (for the to-do list's "returned" flag and comment). */
  async latestReviewEvents(practiceId: string, noteIds: string[]): Promise<Map<string, StoredReviewEvent>> {
    if (noteIds.length === 0) return new Map();
    const rows = await this.prisma.noteReviewEvent.findMany({ where: { practiceId, noteId: { in: noteIds } }, select: EVENT_FIELDS, orderBy: { createdAt: 'desc' } });
    const latest = new Map<string, StoredReviewEvent>();
    for (const row of rows) if (!latest.has(row.noteId)) latest.set(row.noteId, this.readableEvent(row));
    return latest;
  }

  /** DRAFT at `revision` → SIGNED with version 1. False when the note moved on meanwhile. */
  async sign(note: NoteForSigning, signedAt: Date, version: NewVersion): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.clinicalNote.updateMany({
        where: { id: note.id, practiceId: note.practiceId, status: 'DRAFT', revision: note.revision },
        data: { status: 'SIGNED', signedAt, signedById: note.authorId },
      });
      if (count !== 1) return false;
      await this.insertVersion(tx, note, version);
      return true;
    });
  }

  /** DRAFT at `revision` → IN_REVIEW, recording the associate's attestation and what they submitted. */
  async submit(note: NoteForSigning, submittedAt: Date, event: { ip: string | null; contentHash: string }): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.clinicalNote.updateMany({ where: { id: note.id, practiceId: note.practiceId, status: 'DRAFT', revision: note.revision }, data: { status: 'IN_REVIEW', submittedAt } });
      if (count !== 1) return false;
      await tx.noteReviewEvent.create({ data: { practiceId: note.practiceId, noteId: note.id, actorId: note.authorId, action: 'SUBMITTED', ip: event.ip, contentHash: event.contentHash, createdAt: submittedAt } });
      return true;
    });
  }

  /** IN_REVIEW → SIGNED by the supervisor, with both signatures on version 1. */
  async cosign(note: NoteForSigning, supervisorId: string, signedAt: Date, version: NewVersion): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.clinicalNote.updateMany({ where: { id: note.id, practiceId: note.practiceId, status: 'IN_REVIEW' }, data: { status: 'SIGNED', signedAt, signedById: supervisorId } });
      if (count !== 1) return false;
      await this.insertVersion(tx, note, version);
      await tx.noteReviewEvent.create({ data: { practiceId: note.practiceId, noteId: note.id, actorId: supervisorId, action: 'COSIGNED', contentHash: version.contentHash, createdAt: signedAt } });
      return true;
    });
  }

  /** IN_REVIEW → DRAFT with the supervisor's comment. */
  async returnToDraft(note: NoteForSigning, supervisorId: string, comment: string, at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.clinicalNote.updateMany({ where: { id: note.id, practiceId: note.practiceId, status: 'IN_REVIEW' }, data: { status: 'DRAFT' } });
      if (count !== 1) return false;
      await tx.noteReviewEvent.create({ data: { practiceId: note.practiceId, noteId: note.id, actorId: supervisorId, action: 'RETURNED', comment: this.cipher.encrypt(comment, REVIEW_COMMENT_FIELD), createdAt: at } });
      return true;
    });
  }

  /**
   * SIGNED/AMENDED → AMENDED with a new version. The status update locks the note's row first, so
   * concurrent addenda queue up and each sees the latest version (`build` makes the new one).
   */
  async addVersion(note: NoteForSigning, build: (latest: StoredVersion) => NewVersion): Promise<StoredVersion | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.clinicalNote.updateMany({ where: { id: note.id, practiceId: note.practiceId, status: { in: ['SIGNED', 'AMENDED'] } }, data: { status: 'AMENDED' } });
      if (count !== 1) return null;
      const latest = await tx.noteVersion.findFirst({ where: { practiceId: note.practiceId, noteId: note.id }, select: VERSION_FIELDS, orderBy: { number: 'desc' } });
      if (!latest) return null;
      const version = build({ ...latest, content: this.cipher.decrypt(latest.content, VERSION_CONTENT_FIELD) });
      const id = await this.insertVersion(tx, note, version);
      const created = await tx.noteVersion.findFirst({ where: { practiceId: note.practiceId, id }, select: VERSION_FIELDS });
      return created ? { ...created, content: version.content } : null;
    });
  }

  private async insertVersion(tx: Tx, note: NoteForSigning, version: NewVersion): Promise<string> {
    const created = await tx.noteVersion.create({
      data: {
        practiceId: note.practiceId,
        noteId: note.id,
        number: version.number,
        kind: version.kind,
        authorId: version.authorId,
        content: this.cipher.encrypt(version.content, VERSION_CONTENT_FIELD),
        contentHash: version.contentHash,
        signatures: { create: version.signatures.map((signature) => ({ ...signature, practiceId: note.practiceId, contentHash: version.contentHash })) },
      },
      select: { id: true },
    });
    return created.id;
  }

  private readableEvent<T extends { comment: string | null }>(row: T): T {
    return { ...row, comment: row.comment ? this.cipher.decrypt(row.comment, REVIEW_COMMENT_FIELD) : null };
  }
}
