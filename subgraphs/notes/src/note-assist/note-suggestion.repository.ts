// Prisma access for note suggestions. The proposal is clinical content: encrypted at rest. A
// decision is a guarded update (only from PROPOSED), so two clicks or two tabs decide once.
import type { FieldCipher, PrismaClient } from '@solace/server-kit';
import type { ClientIdentifiers } from './assist-redaction';

export const SUGGESTION_CONTENT_FIELD = 'NoteSuggestion.content';

export type SuggestionKind = 'NOTE_DRAFT' | 'DIAGNOSES';
export type SuggestionStatus = 'PROPOSED' | 'ACCEPTED' | 'REJECTED';

export interface SuggestedFieldValue {
  fieldId: string;
  label: string;
  value: string;
}

export interface SuggestedCode {
  code: string;
  description: string;
  rationale: string;
}

export interface SuggestionContent {
  fields: SuggestedFieldValue[];
  codes: SuggestedCode[];
  notice: string | null;
}

export interface StoredSuggestion {
  id: string;
  noteId: string;
  requestedById: string;
  kind: SuggestionKind;
  provider: string;
  model: string;
  status: SuggestionStatus;
  content: SuggestionContent;
  noteRevision: number;
  createdAt: Date;
  decidedById: string | null;
  decidedAt: Date | null;
  acceptedParts: string[];
}

const FIELDS = { id: true, noteId: true, requestedById: true, kind: true, provider: true, model: true, status: true, content: true, noteRevision: true, createdAt: true, decidedById: true, decidedAt: true, acceptedParts: true } as const;

export class NoteSuggestionRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  private readable(row: Omit<StoredSuggestion, 'content'> & { content: string }): StoredSuggestion {
    return { ...row, content: JSON.parse(this.cipher.decrypt(row.content, SUGGESTION_CONTENT_FIELD)) as SuggestionContent };
  }

  /** What redaction must remove from text sent to a provider (read-only look at the patients domain). */
  clientIdentifiers(practiceId: string, clientId: string): Promise<ClientIdentifiers | null> {
    return this.prisma.client.findFirst({ where: { id: clientId, practiceId }, select: { firstName: true, lastName: true, preferredName: true, dateOfBirth: true, email: true, phone: true, addressLine1: true } });
  }

  async create(data: { practiceId: string; noteId: string; requestedById: string; kind: SuggestionKind; provider: string; model: string; noteRevision: number; content: SuggestionContent }): Promise<StoredSuggestion> {
    const row = await this.prisma.noteSuggestion.create({ data: { ...data, content: this.cipher.encrypt(JSON.stringify(data.content), SUGGESTION_CONTENT_FIELD) }, select: FIELDS });
    return this.readable(row);
  }

  async find(practiceId: string, id: string): Promise<StoredSuggestion | null> {
    const row = await this.prisma.noteSuggestion.findFirst({ where: { id, practiceId }, select: FIELDS });
    return row ? this.readable(row) : null;
  }

  async forNote(practiceId: string, noteId: string): Promise<StoredSuggestion[]> {
    const rows = await this.prisma.noteSuggestion.findMany({ where: { practiceId, noteId }, select: FIELDS, orderBy: { createdAt: 'desc' }, take: 50 });
    return rows.map((row) => this.readable(row));
  }

  /** PROPOSED → ACCEPTED/REJECTED; false when it was decided already. */
  async decide(practiceId: string, id: string, status: 'ACCEPTED' | 'REJECTED', decidedById: string, decidedAt: Date, acceptedParts: string[]): Promise<boolean> {
    const { count } = await this.prisma.noteSuggestion.updateMany({ where: { id, practiceId, status: 'PROPOSED' }, data: { status, decidedById, decidedAt, acceptedParts } });
    return count === 1;
  }

  /** Undoes an acceptance whose save into the note was refused (stale revision, note signed meanwhile). */
  async reopen(practiceId: string, id: string): Promise<void> {
    await this.prisma.noteSuggestion.updateMany({ where: { id, practiceId, status: 'ACCEPTED' }, data: { status: 'PROPOSED', decidedById: null, decidedAt: null, acceptedParts: [] } });
  }
}
