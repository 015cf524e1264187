import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { NoteRepository } from './note.repository';
import type { ClinicalNote } from './note.type';

// Clinical content is the most sensitive PHI: only the author, supervisors and admins read it.
const READS_ALL_NOTES = ['ADMIN', 'SUPERVISOR'] as const;

function canRead(user: AuthClaims, note: ClinicalNote): boolean {
  return note.authorId === user.sub || user.roles.some((role) => (READS_ALL_NOTES as readonly string[]).includes(role));
}

export class NoteService {
  constructor(private readonly notes: NoteRepository) {}

  async forAppointment(user: AuthClaims, appointmentId: string): Promise<ClinicalNote | null> {
    const note = await this.notes.findByAppointment(user.practiceId, appointmentId);
    return note && canRead(user, note) ? note : null;
  }

  async get(user: AuthClaims, id: string): Promise<ClinicalNote> {
    const note = await this.notes.findInPractice(user.practiceId, id);
    if (!note || !canRead(user, note)) throw notFound('ClinicalNote', id);
    return note;
  }

  async createDraft(user: AuthClaims, appointmentId: string, body: string): Promise<ClinicalNote> {
    const appointment = await this.notes.findAppointment(user.practiceId, appointmentId);
    if (!appointment) throw notFound('Appointment', appointmentId);
    if (appointment.clinicianId !== user.sub) {
      throw new DomainError('FORBIDDEN', "Only the appointment's clinician writes its note.");
    }
    if (await this.notes.findByAppointment(user.practiceId, appointmentId)) {
      throw new DomainError('CONFLICT', 'This appointment already has a note; edit it instead.');
    }
    return this.notes.create({ practiceId: user.practiceId, appointmentId, clientId: appointment.clientId, serviceDate: appointment.startsAt, authorId: user.sub, body });
  }

  async updateDraft(user: AuthClaims, id: string, body: string): Promise<ClinicalNote> {
    const note = await this.get(user, id);
    if (note.authorId !== user.sub) throw new DomainError('FORBIDDEN', 'Only the author edits a draft note.');
    const updated = await this.notes.updateDraftBody(user.practiceId, id, body);
    if (!updated) throw new DomainError('CONFLICT', 'The note is signed; add an addendum instead.');
    return updated;
  }
}
