import type { FieldCipher, PrismaClient } from '@solace/server-kit';
import type { ClinicalNote } from './note.type';

const FIELDS = { id: true, appointmentId: true, clientId: true, authorId: true, noteType: true, serviceDate: true, status: true, body: true, diagnosisCodes: true, revision: true, signedAt: true, updatedAt: true } as const;
/** Note bodies are encrypted at rest; this names the field in the ciphertext's authenticated data. */
export const NOTE_BODY_FIELD = 'ClinicalNote.body';

export class NoteRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cipher: FieldCipher,
  ) {}

  private readable = <T extends { body: string } | null>(row: T): T => (row ? { ...row, body: this.cipher.decrypt(row.body, NOTE_BODY_FIELD) } : row);

  async findInPractice(practiceId: string, id: string): Promise<ClinicalNote | null> {
    return this.readable(await this.prisma.clinicalNote.findFirst({ where: { id, practiceId }, select: FIELDS }));
  }

  async findByAppointment(practiceId: string, appointmentId: string): Promise<ClinicalNote | null> {
    return this.readable(await this.prisma.clinicalNote.findFirst({ where: { appointmentId, practiceId }, select: FIELDS }));
  }

  /** Read-only look at the appointment being documented (owned by the appointments domain). */
  findAppointment(practiceId: string, appointmentId: string) {
    return this.prisma.appointment.findFirst({ where: { id: appointmentId, practiceId }, select: { id: true, clinicianId: true, clientId: true, startsAt: true } });
  }

  async create(data: { practiceId: string; appointmentId: string; clientId: string; serviceDate: Date; authorId: string; body: string }): Promise<ClinicalNote> {
    const row = await this.prisma.clinicalNote.create({ data: { ...data, body: this.cipher.encrypt(data.body, NOTE_BODY_FIELD) }, select: FIELDS });
    return this.readable(row);
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
