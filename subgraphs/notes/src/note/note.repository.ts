import type { FieldCipher, PrismaClient } from '@solace/server-kit';
import type { NoteContent } from './note-content';
import type { ClinicalNote, NoteType } from './note.type';

const FIELDS = { id: true, appointmentId: true, clientId: true, authorId: true, noteType: true, serviceDate: true, status: true, body: true, content: true, templateVersionId: true, diagnosisCodes: true, revision: true, signedAt: true, updatedAt: true } as const;
/** Note bodies are encrypted at rest; this names the field in the ciphertext's authenticated data. */
export const NOTE_BODY_FIELD = 'ClinicalNote.body';
export const NOTE_CONTENT_FIELD = 'ClinicalNote.content';

/** Notes written before templates have no content ('' in the column). */
const parseContent = (json: string): NoteContent => (json === '' ? {} : (JSON.parse(json) as NoteContent));

type NoteRow = Omit<ClinicalNote, 'content'> & { content: string };

export class NoteRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  private readable(row: NoteRow): ClinicalNote;
  private readable(row: NoteRow | null): ClinicalNote | null;
  private readable(row: NoteRow | null): ClinicalNote | null {
    if (!row) return null;
    return { ...row, body: this.cipher.decrypt(row.body, NOTE_BODY_FIELD), content: parseContent(this.cipher.decrypt(row.content, NOTE_CONTENT_FIELD)) };
  }

  async findInPractice(practiceId: string, id: string): Promise<ClinicalNote | null> {
    return this.readable(await this.prisma.clinicalNote.findFirst({ where: { id, practiceId }, select: FIELDS }));
  }

  async findManyInPractice(practiceId: string, ids: string[]): Promise<ClinicalNote[]> {
    const rows = await this.prisma.clinicalNote.findMany({ where: { id: { in: ids }, practiceId }, select: FIELDS });
    return rows.map((row) => this.readable(row));
  }

  async findByAppointment(practiceId: string, appointmentId: string): Promise<ClinicalNote | null> {
    return this.readable(await this.prisma.clinicalNote.findFirst({ where: { appointmentId, practiceId }, select: FIELDS }));
  }

  /** Read-only look at the appointment being documented (owned by the appointments domain). */
  findAppointment(practiceId: string, appointmentId: string) {
    return this.prisma.appointment.findFirst({ where: { id: appointmentId, practiceId }, select: { id: true, clinicianId: true, clientId: true, startsAt: true, status: true } });
  }

  async create(data: { practiceId: string; appointmentId: string; clientId: string; serviceDate: Date; authorId: string; body: string; noteType?: NoteType; templateVersionId?: string | null }): Promise<ClinicalNote> {
    const row = await this.prisma.clinicalNote.create({ data: { ...data, body: this.cipher.encrypt(data.body, NOTE_BODY_FIELD) }, select: FIELDS });
    return this.readable(row);
  }

  /**
   * Autosave: writes only when the note is still a draft at the revision the editor had, and moves
   * the revision on; returns null when either moved (the service tells which).
   */
  async saveDraft(practiceId: string, id: string, expectedRevision: number, change: { content?: NoteContent; body?: string; diagnosisCodes?: string[] }): Promise<ClinicalNote | null> {
    const { count } = await this.prisma.clinicalNote.updateMany({
      where: { id, practiceId, status: 'DRAFT', revision: expectedRevision },
      data: {
        ...(change.content === undefined ? {} : { content: this.cipher.encrypt(JSON.stringify(change.content), NOTE_CONTENT_FIELD) }),
        ...(change.body === undefined ? {} : { body: this.cipher.encrypt(change.body, NOTE_BODY_FIELD) }),
        ...(change.diagnosisCodes === undefined ? {} : { diagnosisCodes: change.diagnosisCodes }),
        revision: { increment: 1 },
      },
    });
    return count === 1 ? this.findInPractice(practiceId, id) : null;
  }

  /** Updates only while the note is a draft; returns null when it was signed meanwhile. */
  async updateDraftBody(practiceId: string, id: string, body: string): Promise<ClinicalNote | null> {
    const { count } = await this.prisma.clinicalNote.updateMany({
      where: { id, practiceId, status: 'DRAFT' },
      data: { body: this.cipher.encrypt(body, NOTE_BODY_FIELD), revision: { increment: 1 } },
    });
    return count === 1 ? this.findInPractice(practiceId, id) : null;
  }
}
