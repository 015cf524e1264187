// AI assistance for a draft note, safely: only the note's author asks, only for a draft; the
// provider gets de-identified text; what it proposes is checked (template fields and options,
// codes of the shipped ICD-10-CM table) and stored as a PROPOSED suggestion. Nothing reaches the
// note until the author accepts it, and acceptance goes through the note's own optimistic-locked
// autosave, so a stale editor cannot overwrite newer text and a signed note cannot change.
import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { DiagnosisService } from '../diagnoses/diagnosis.service';
import { MAX_LONG_TEXT, MAX_TEXT } from '../note/note-content';
import type { NoteService } from '../note/note.service';
import type { ClinicalNote } from '../note/note.type';
import type { TemplateFieldDefinition } from '../templates/template-definition';
import { redactIdentifiers } from './assist-redaction';
import { NoteAssistError, type AssistField, type NoteAssistProvider } from './note-assist-provider';
import type { NoteSuggestionRepository, StoredSuggestion, SuggestedCode, SuggestedFieldValue, SuggestionContent } from './note-suggestion.repository';

export const MAX_SOURCE_LENGTH = 20_000;
/** A note without a template is one free-text field. */
const BODY_FIELD: AssistField = { id: 'body', label: 'Note', kind: 'LONG_TEXT' };

const reason = (code: 'BAD_USER_INPUT' | 'CONFLICT' | 'FORBIDDEN', why: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, { details: { reason: why, ...details } });

export class NoteSuggestionService {
  constructor(
    private readonly suggestions: NoteSuggestionRepository,
    private readonly notes: NoteService,
    private readonly diagnoses: DiagnosisService,
    private readonly provider: NoteAssistProvider,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async suggestDraft(user: AuthClaims, noteId: string, source: string): Promise<StoredSuggestion> {
    const text = source.trim();
    if (text === '') throw reason('BAD_USER_INPUT', 'EMPTY_SOURCE', 'Paste the session transcript or your bullet points first.');
    if (text.length > MAX_SOURCE_LENGTH) throw reason('BAD_USER_INPUT', 'SOURCE_TOO_LONG', `The source text takes at most ${MAX_SOURCE_LENGTH} characters.`);
    const note = await this.ownDraft(user, noteId);
    const templateFields = (await this.notes.templateVersion(user, note))?.fields ?? null;
    const fields: AssistField[] = templateFields ? templateFields.filter((field) => ['TEXT', 'LONG_TEXT', 'SINGLE_CHOICE'].includes(field.kind)) : [BODY_FIELD];
    if (fields.length === 0) throw reason('BAD_USER_INPUT', 'NO_TEXT_FIELDS', 'This note’s template has no text fields to draft.');
    const proposal = await this.ask(async () => this.provider.draftNote({ noteType: note.noteType, fields, source: redactIdentifiers(text, await this.identifiers(user, note)) }));
    const suggested = keepValidFields(fields, templateFields, proposal.fields);
    return this.store(user, note, 'NOTE_DRAFT', { fields: suggested, codes: [], notice: this.provider.notice });
  }

  async suggestDiagnoses(user: AuthClaims, noteId: string): Promise<StoredSuggestion> {
    const note = await this.ownDraft(user, noteId);
    const labels = new Map(((await this.notes.templateVersion(user, note))?.fields ?? []).map((field) => [field.id, field.label]));
    const written = [...Object.entries(note.content).flatMap(([id, value]) => (value === null || value === '' ? [] : [`${labels.get(id) ?? id}: ${Array.isArray(value) ? value.join(', ') : String(value)}`])), note.body].filter((line) => line.trim() !== '').join('\n');
    if (written.trim() === '') throw reason('BAD_USER_INPUT', 'EMPTY_NOTE', 'Write the note (or accept a drafted one) before asking for codes.');
    const proposal = await this.ask(async () => this.provider.suggestDiagnoses({ noteType: note.noteType, text: redactIdentifiers(written, await this.identifiers(user, note)) }));
    // Only codes of the shipped table that are billable and not already on the note; the model's others are dropped.
    const proposed = [...new Map(proposal.codes.map((item) => [item.code.trim().toUpperCase(), item])).values()];
    const known = await this.diagnoses.describe(proposed.map((item) => item.code.trim().toUpperCase()));
    const codes: SuggestedCode[] = known.flatMap((row, index) => (row.billable && !note.diagnosisCodes.includes(row.code) ? [{ code: row.code, description: row.description, rationale: proposed[index]!.rationale }] : []));
    return this.store(user, note, 'DIAGNOSES', { fields: [], codes, notice: this.provider.notice });
  }

  /**
   * Applies the accepted part (field ids, or codes; all by default) through the note's autosave at
   * `expectedRevision`, and records who accepted what and when. The decision is claimed first and
   * released if the save is refused, so the suggestion never claims an acceptance the note lacks.
   */
  async accept(user: AuthClaims, id: string, expectedRevision: number, parts: string[] | null): Promise<{ suggestion: StoredSuggestion; note: ClinicalNote }> {
    const suggestion = await this.proposed(user, id);
    const note = await this.ownDraft(user, suggestion.noteId);
    const offered = suggestion.kind === 'NOTE_DRAFT' ? suggestion.content.fields.map((field) => field.fieldId) : suggestion.content.codes.map((code) => code.code);
    const chosen = parts === null ? offered : [...new Set(parts)];
    const unknown = chosen.filter((part) => !offered.includes(part));
    if (unknown.length > 0) throw reason('BAD_USER_INPUT', 'NOT_IN_SUGGESTION', `Not part of this suggestion: ${unknown.join(', ')}.`, { parts: unknown });
    if (chosen.length === 0) throw reason('BAD_USER_INPUT', 'NOTHING_CHOSEN', 'Choose what to accept, or dismiss the suggestion.');
    if (!(await this.suggestions.decide(user.practiceId, id, 'ACCEPTED', user.sub, this.now(), chosen))) throw alreadyDecided(id);
    try {
      const saved = await this.notes.saveDraft(user, note.id, expectedRevision, suggestion.kind === 'NOTE_DRAFT' ? draftChange(note, suggestion.content.fields, chosen) : { diagnosisCodes: [...note.diagnosisCodes, ...chosen.filter((code) => !note.diagnosisCodes.includes(code))] });
      return { suggestion: (await this.suggestions.find(user.practiceId, id))!, note: saved };
    } catch (error) {
      await this.suggestions.reopen(user.practiceId, id);
      throw error;
    }
  }

  async reject(user: AuthClaims, id: string): Promise<StoredSuggestion> {
    const suggestion = await this.proposed(user, id);
    if (!(await this.suggestions.decide(user.practiceId, id, 'REJECTED', user.sub, this.now(), []))) throw alreadyDecided(id);
    return { ...suggestion, status: 'REJECTED', decidedById: user.sub, decidedAt: this.now() };
  }

  /** The note's suggestions, newest first, for whoever may read the note. */
  async forNote(user: AuthClaims, noteId: string): Promise<StoredSuggestion[]> {
    await this.notes.get(user, noteId);
    return this.suggestions.forNote(user.practiceId, noteId);
  }

  private async ownDraft(user: AuthClaims, noteId: string): Promise<ClinicalNote> {
    const note = await this.notes.get(user, noteId);
    if (note.authorId !== user.sub) throw reason('FORBIDDEN', 'NOT_NOTE_AUTHOR', 'Only the note’s author asks for and decides on suggestions.');
    if (note.status !== 'DRAFT') throw reason('CONFLICT', 'NOTE_NOT_DRAFT', 'Suggestions are for draft notes; a signed note changes only by addendum.');
    return note;
  }

  private async proposed(user: AuthClaims, id: string): Promise<StoredSuggestion> {
    const suggestion = await this.suggestions.find(user.practiceId, id);
    if (!suggestion) throw notFound('NoteSuggestion', id);
    // Readable only with its note; decided only by the note's author.
    await this.ownDraft(user, suggestion.noteId);
    if (suggestion.status !== 'PROPOSED') throw alreadyDecided(id);
    return suggestion;
  }

  private async identifiers(user: AuthClaims, note: ClinicalNote) {
    const client = await this.suggestions.clientIdentifiers(user.practiceId, note.clientId);
    if (!client) throw notFound('Client', note.clientId);
    return client;
  }

  private store(user: AuthClaims, note: ClinicalNote, kind: 'NOTE_DRAFT' | 'DIAGNOSES', content: SuggestionContent) {
    return this.suggestions.create({ practiceId: user.practiceId, noteId: note.id, requestedById: user.sub, kind, provider: this.provider.name, model: this.provider.model, noteRevision: note.revision, content });
  }

  private async ask<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof NoteAssistError)) throw error;
      if (error.code === 'RATE_LIMITED') {
        throw new DomainError('RATE_LIMITED', 'The AI service is busy; try again shortly.', { cause: error, details: { reason: 'ASSIST_RATE_LIMITED', retryable: true, ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}) } });
      }
      const reasons = { UNAUTHORIZED: 'ASSIST_NOT_AUTHORIZED', PROVIDER_UNAVAILABLE: 'ASSIST_PROVIDER_UNAVAILABLE', BAD_RESPONSE: 'ASSIST_BAD_RESPONSE', REJECTED: 'ASSIST_REJECTED' } as const;
      const message = error.code === 'UNAUTHORIZED' ? 'The AI service refused the practice’s credentials; ask an administrator to check the AI settings.' : 'The AI service could not make a suggestion; try again, or write the note yourself.';
      throw new DomainError('ASSIST_UNAVAILABLE', message, { cause: error, details: { reason: reasons[error.code], retryable: error.retryable, ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}) } });
    }
  }
}

const alreadyDecided = (id: string) => reason('CONFLICT', 'SUGGESTION_DECIDED', `Suggestion ${id} was already accepted or dismissed.`);

/** The provider's values that fit the field: text within the field's length, an option of a choice field. */
function keepValidFields(fields: AssistField[], templateFields: readonly TemplateFieldDefinition[] | null, values: Record<string, string>): SuggestedFieldValue[] {
  return fields.flatMap((field) => {
    const value = values[field.id]?.trim();
    if (!value) return [];
    if (field.kind === 'SINGLE_CHOICE') return field.options?.includes(value) ? [{ fieldId: field.id, label: field.label, value }] : [];
    const max = field.kind === 'TEXT' && templateFields ? MAX_TEXT : MAX_LONG_TEXT;
    return [{ fieldId: field.id, label: field.label, value: value.slice(0, max) }];
  });
}

/** The whole content (JSON text) with the accepted fields replaced: the autosave replaces content as a whole. */
function draftChange(note: ClinicalNote, fields: SuggestedFieldValue[], chosen: string[]) {
  const accepted = fields.filter((field) => chosen.includes(field.fieldId));
  const body = accepted.find((field) => field.fieldId === BODY_FIELD.id && !(BODY_FIELD.id in note.content));
  const content = Object.fromEntries(accepted.filter((field) => field !== body).map((field) => [field.fieldId, field.value]));
  return { ...(Object.keys(content).length > 0 ? { content: JSON.stringify({ ...note.content, ...content }) } : {}), ...(body ? { body: body.value } : {}) };
}
