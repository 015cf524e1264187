import type { PrismaClient } from '@solace/server-kit';
import type { ClinicalNote } from './note.type';

const FIELDS = { id: true, appointmentId: true, authorId: true, status: true, body: true, updatedAt: true } as const;

export class NoteRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findInPractice(practiceId: string, id: string): Promise<ClinicalNote | null> {
    return this.prisma.clinicalNote.findFirst({ where: { id, practiceId }, select: FIELDS });
  }

  findByAppointment(practiceId: string, appointmentId: string): Promise<ClinicalNote | null> {
    return this.prisma.clinicalNote.findFirst({ where: { appointmentId, practiceId }, select: FIELDS });
  }

  /** Read-only look at the appointment being documented (owned by the appointments domain). */
  findAppointment(practiceId: string, appointmentId: string) {
    return this.prisma.appointment.findFirst({ where: { id: appointmentId, practiceId }, select: { id: true, clinicianId: true } });
  }

  create(data: { practiceId: string; appointmentId: string; authorId: string; body: string }): Promise<ClinicalNote> {
    return this.prisma.clinicalNote.create({ data, select: FIELDS });
  }

  /** Updates only while the note is a draft; returns null when it was signed meanwhile. */
  async updateDraftBody(practiceId: string, id: string, body: string): Promise<ClinicalNote | null> {
    const { count } = await this.prisma.clinicalNote.updateMany({ where: { id, practiceId, status: 'DRAFT' }, data: { body } });
    return count === 1 ? this.findInPractice(practiceId, id) : null;
  }
}
