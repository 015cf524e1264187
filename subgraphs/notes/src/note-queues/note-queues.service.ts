import type { AuthClaims } from '@solace/server-kit';
import type { NoteService } from '../note/note.service';
import type { ClinicalNote } from '../note/note.type';
import { daysOverdue, noteDueAt, type NoteDueDays } from '../note-signing/note-deadline';
import type { NoteSigningRepository } from '../note-signing/note-signing.repository';
import type { SupervisionRepository } from '../supervision/supervision.repository';
import type { NoteQueuesRepository } from './note-queues.repository';
import type { NoteReviewItem, UnsignedNoteItem } from './note-queues.type';

export const QUEUE_LIMIT = 200;

export class NoteQueuesService {
  constructor(
    private readonly queues: NoteQueuesRepository,
    private readonly signing: NoteSigningRepository,
    private readonly supervision: SupervisionRepository,
    private readonly notes: NoteService,
    private readonly dueDays: NoteDueDays,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The caller's sessions waiting for a signed note, oldest first, with deadlines. */
  async unsigned(user: AuthClaims, limit = QUEUE_LIMIT): Promise<UnsignedNoteItem[]> {
    const now = this.now();
    const [rows, days] = await Promise.all([this.queues.unsigned(user.practiceId, user.sub, now, Math.min(limit, QUEUE_LIMIT)), this.dueDays(user.practiceId)]);
    const noteIds = rows.flatMap((row) => (row.noteId ? [row.noteId] : []));
    const latest = await this.signing.latestReviewEvents(user.practiceId, noteIds);
    return rows.map((row) => {
      const event = row.noteId ? latest.get(row.noteId) : undefined;
      const returned = row.state === 'DRAFT' && event?.action === 'RETURNED';
      const dueAt = noteDueAt(row.serviceDate, days);
      return {
        id: row.appointmentId,
        state: returned ? 'RETURNED' : row.state,
        noteId: row.noteId,
        appointment: { id: row.appointmentId },
        client: { id: row.clientId },
        serviceDate: row.serviceDate,
        dueAt,
        daysOverdue: daysOverdue(dueAt, now),
        returnComment: returned ? (event?.comment ?? null) : null,
      };
    });
  }

  /** Notes the caller's supervisees submitted, oldest session first. */
  async reviewQueue(user: AuthClaims, limit = QUEUE_LIMIT): Promise<NoteReviewItem[]> {
    const now = this.now();
    const supervisees = await this.supervision.superviseesOf(user.practiceId, user.sub);
    const [rows, days] = await Promise.all([this.queues.reviewQueue(user.practiceId, supervisees, Math.min(limit, QUEUE_LIMIT)), this.dueDays(user.practiceId)]);
    const notes = await this.notesById(user, rows.map((row) => row.noteId));
    return rows.flatMap((row) => {
      const note = notes.get(row.noteId);
      if (!note) return [];
      const dueAt = noteDueAt(row.serviceDate, days);
      return [{ id: row.noteId, note, author: { id: row.authorId }, client: { id: row.clientId }, serviceDate: row.serviceDate, submittedAt: row.submittedAt, dueAt, daysOverdue: daysOverdue(dueAt, now) }];
    });
  }

  /** The notes of queue items, for the lazily resolved `note` field (one query per request). */
  notesFor(user: AuthClaims, ids: readonly string[]): Promise<ClinicalNote[]> {
    return this.notes.getMany(user, [...ids]);
  }

  private async notesById(user: AuthClaims, ids: string[]): Promise<Map<string, ClinicalNote>> {
    return new Map((await this.notes.getMany(user, ids)).map((note) => [note.id, note]));
  }
}
