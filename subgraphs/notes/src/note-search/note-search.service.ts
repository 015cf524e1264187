// Full-text search over clinical notes. Note text is encrypted at rest, so the application keeps a
// search index (a tsvector per note) from the decrypted text: `onNoteContentChanged` after a draft
// save, a signature or an addendum, and lazily for any note whose entry is missing or older than
// the note (notes written before the index existed, or a path that did not call the hook).
//
// Who finds what: exactly the notes the caller may open (supervision/note-read-rule.ts): the
// author their own, a supervisor also their current associates', an admin every note.
import { DomainError, type AuthClaims } from '@solace/server-kit';
import { parseFieldValues } from '../note-signing/canonical-note';
import type { CanonicalNote } from '../note-signing/canonical-note';
import type { NoteService } from '../note/note.service';
import type { NoteReadRule } from '../supervision/note-read-rule';
import type { ClinicalNote } from '../note/note.type';
import { searchableText, snippet, type SnippetPart } from './note-search-text';
import type { NoteIndexSource, NoteSearchRepository } from './note-search.repository';

export const MAX_QUERY_LENGTH = 200;
export const MAX_HITS = 50;
/** Notes indexed lazily per search; the rest follow on later searches. */
const LAZY_BATCH = 200;

export interface NoteSearchHit {
  note: ClinicalNote;
  rank: number;
  snippet: SnippetPart[];
}

export class NoteSearchService {
  constructor(
    private readonly index: NoteSearchRepository,
    private readonly notes: NoteService,
    private readonly readRule: NoteReadRule,
  ) {}

  /** The hook for every path that changes what a note says (draft save, sign, co-sign, addendum). */
  async onNoteContentChanged(practiceId: string, noteId: string): Promise<void> {
    const source = await this.index.source(practiceId, noteId);
    if (source) await this.index.write(practiceId, source, await this.textOf(source));
  }

  async search(user: AuthClaims, query: string, limit: number): Promise<NoteSearchHit[]> {
    const terms = query.trim();
    if (terms === '') throw new DomainError('BAD_USER_INPUT', 'Type what to search for.', { details: { reason: 'EMPTY_QUERY' } });
    if (terms.length > MAX_QUERY_LENGTH) throw new DomainError('BAD_USER_INPUT', `A search takes at most ${MAX_QUERY_LENGTH} characters.`, { details: { reason: 'QUERY_TOO_LONG' } });
    const authors = await this.searchableAuthors(user);
    for (const id of await this.index.stale(user.practiceId, authors, LAZY_BATCH)) await this.onNoteContentChanged(user.practiceId, id);
    const found = await this.index.search(user.practiceId, authors, terms, Math.min(Math.max(limit, 1), MAX_HITS));
    const hits: NoteSearchHit[] = [];
    for (const { noteId, rank } of found) {
      // The note read rule once more, per hit: the index narrows, the note service decides.
      const note = await this.notes.get(user, noteId).catch(() => null);
      const source = note && (await this.index.source(user.practiceId, noteId));
      if (!note || !source) continue;
      hits.push({ note, rank, snippet: snippet(await this.textOf(source), terms) });
    }
    return hits;
  }

  private async searchableAuthors(user: AuthClaims): Promise<string[] | null> {
    const authors = await this.readRule.readableAuthors(user);
    return authors.all ? null : [...authors.ids];
  }

  /** A signed note is found by what was signed, addenda included; a draft by what is written now. */
  private async textOf(source: NoteIndexSource): Promise<string> {
    const signed = source.latestVersion ? (JSON.parse(source.latestVersion) as CanonicalNote) : null;
    const fieldValues = signed ? Object.fromEntries(signed.fields) : parseFieldValues(source.content);
    const codes = signed ? signed.diagnosisCodes : source.diagnosisCodes;
    return searchableText({ fieldValues, body: signed ? signed.body : source.body, addenda: signed?.addenda.map((addendum) => addendum.text) ?? [], diagnoses: await this.index.diagnosisDescriptions(codes) });
  }
}
