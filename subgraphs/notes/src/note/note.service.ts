import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { DiagnosisService } from '../diagnoses/diagnosis.service';
import type { NoteReadRule } from '../supervision/note-read-rule';
import type { TemplateService } from '../templates/template.service';
import type { NoteTemplateVersion } from '../templates/template.type';
import { missingRequired, validateContent } from './note-content';
import type { NoteRepository } from './note.repository';
import { type ClinicalNote, type NoteType, STALE_REVISION } from './note.type';

const locked = () => new DomainError('CONFLICT', 'Signed notes change only by addendum.', { details: { reason: 'NOTE_NOT_DRAFT' } });
const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === 'P2002';
const alreadyStarted = () => new DomainError('CONFLICT', 'This appointment already has a note; open it instead.', { details: { reason: 'NOTE_EXISTS' } });

function parseContentInput(json: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DomainError('BAD_USER_INPUT', 'Content is a JSON object of field values.', { details: { reason: 'CONTENT_NOT_JSON' } });
  }
  return parsed as Record<string, unknown>;
}

export interface DraftChange {
  /** JSON object text of field values. */
  content?: string | null;
  body?: string | null;
  diagnosisCodes?: string[] | null;
}

export class NoteService {
  constructor(
    private readonly notes: NoteRepository,
    private readonly templates: TemplateService,
    private readonly diagnoses: DiagnosisService,
    /** Clinical content is the most sensitive PHI: see note-read-rule.ts for who reads it. */
    private readonly readRule: NoteReadRule,
  ) {}

  async forAppointment(user: AuthClaims, appointmentId: string): Promise<ClinicalNote | null> {
    const note = await this.notes.findByAppointment(user.practiceId, appointmentId);
    return note && (await this.readRule.canRead(user, note.authorId)) ? note : null;
  }

  /** The notes among `ids` the user may read, in one query (lists and queues). */
  async getMany(user: AuthClaims, ids: string[]): Promise<ClinicalNote[]> {
    if (ids.length === 0) return [];
    const readable = await this.readRule.predicate(user);
    return (await this.notes.findManyInPractice(user.practiceId, ids)).filter((note) => readable(note.authorId));
  }

  async get(user: AuthClaims, id: string): Promise<ClinicalNote> {
    const note = await this.notes.findInPractice(user.practiceId, id);
    if (!note || !(await this.readRule.canRead(user, note.authorId))) throw notFound('ClinicalNote', id);
    return note;
  }

  private async appointmentToDocument(user: AuthClaims, appointmentId: string) {
    const appointment = await this.notes.findAppointment(user.practiceId, appointmentId);
    if (!appointment) throw notFound('Appointment', appointmentId);
    if (appointment.clinicianId !== user.sub) throw new DomainError('FORBIDDEN', "Only the appointment's clinician writes its note.");
    if (await this.notes.findByAppointment(user.practiceId, appointmentId)) throw alreadyStarted();
    return appointment;
  }

  /** The original free-text draft (kept for existing callers): a PROGRESS note without a template. */
  async createDraft(user: AuthClaims, appointmentId: string, body: string): Promise<ClinicalNote> {
    const appointment = await this.appointmentToDocument(user, appointmentId);
    return this.insert(() => this.notes.create({ practiceId: user.practiceId, appointmentId, clientId: appointment.clientId, serviceDate: appointment.startsAt, authorId: user.sub, body }));
  }

  /** Starts the note of the caller's appointment: client and date come from it, the template version is fixed now. */
  async start(user: AuthClaims, appointmentId: string, noteType: NoteType, templateId: string | null): Promise<ClinicalNote> {
    const appointment = await this.appointmentToDocument(user, appointmentId);
    if (appointment.status === 'CANCELLED') throw new DomainError('BAD_USER_INPUT', 'A cancelled appointment has no note.', { details: { reason: 'APPOINTMENT_CANCELLED' } });
    const template = await this.templates.forNewNote(user.practiceId, noteType, templateId);
    return this.insert(() =>
      this.notes.create({ practiceId: user.practiceId, appointmentId, clientId: appointment.clientId, serviceDate: appointment.startsAt, authorId: user.sub, body: '', noteType, templateVersionId: template.currentVersion.id }),
    );
  }

  /** Two starts at once: the unique appointmentId keeps one note and the other caller is told to open it. */
  private async insert(create: () => Promise<ClinicalNote>): Promise<ClinicalNote> {
    try {
      return await create();
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyStarted();
      throw error;
    }
  }

  async updateDraft(user: AuthClaims, id: string, body: string): Promise<ClinicalNote> {
    const note = await this.get(user, id);
    if (note.authorId !== user.sub) throw new DomainError('FORBIDDEN', 'Only the author edits a draft note.');
    if (note.status !== 'DRAFT') throw locked();
    return this.saveDraft(user, id, note.revision, { body });
  }

  /**
   * Autosave with optimistic locking. Content is checked against the note's template version
   * (unknown fields refused; required ones only matter at signing). A save from an older revision
   * is refused with STALE_REVISION and the current revision, and nothing is written.
   */
  async saveDraft(user: AuthClaims, id: string, expectedRevision: number, change: DraftChange): Promise<ClinicalNote> {
    const note = await this.get(user, id);
    if (note.authorId !== user.sub) throw new DomainError('FORBIDDEN', 'Only the author edits a draft note.');
    if (note.status !== 'DRAFT') throw locked();
    let content: Record<string, unknown> | undefined;
    if (change.content != null) {
      if (!note.templateVersionId) throw new DomainError('BAD_USER_INPUT', 'This note has no template; write in its text.', { details: { reason: 'NOTE_HAS_NO_TEMPLATE' } });
      content = validateContent((await this.templates.version(user.practiceId, note.templateVersionId)).fields, parseContentInput(change.content));
    }
    const diagnosisCodes = change.diagnosisCodes == null ? undefined : await this.diagnoses.validateForNote(change.diagnosisCodes);
    const saved = await this.notes.saveDraft(user.practiceId, id, expectedRevision, { content: content as never, body: change.body ?? undefined, diagnosisCodes });
    if (saved) return saved;
    const current = await this.get(user, id);
    if (current.status !== 'DRAFT') throw locked();
    throw new DomainError('CONFLICT', 'The note was saved elsewhere since you opened it; reload the latest version.', { details: { reason: STALE_REVISION, currentRevision: current.revision } });
  }

  async templateVersion(user: AuthClaims, note: ClinicalNote): Promise<NoteTemplateVersion | null> {
    return note.templateVersionId ? this.templates.version(user.practiceId, note.templateVersionId) : null;
  }

  /** Required template fields still empty; what signing must refuse until filled. */
  async missingRequired(user: AuthClaims, note: ClinicalNote): Promise<string[]> {
    const version = await this.templateVersion(user, note);
    return version ? missingRequired(version.fields, note.content) : [];
  }

  /** Something is written and nothing required is missing. */
  async readyToSign(user: AuthClaims, note: ClinicalNote): Promise<boolean> {
    const written = note.body.trim() !== '' || Object.values(note.content).some((value) => value !== null && value !== '' && !(Array.isArray(value) && value.length === 0));
    return written && (await this.missingRequired(user, note)).length === 0;
  }

  describeDiagnoses(note: ClinicalNote) {
    return this.diagnoses.describe(note.diagnosisCodes);
  }
}
