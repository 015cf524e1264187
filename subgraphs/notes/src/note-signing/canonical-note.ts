// What a signature covers: a stable serialisation of the note's clinical content (RFC 8785 JSON
// canonicalisation, so key order and number formatting never change the hash), chained to the
// previous signed version's hash. The stored text is what the hash is verified against on read.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const CANONICAL_FORMAT = 'solace.clinical-note/1';

export interface SignableNote {
  noteType: string;
  templateVersionId: string | null;
  clientId: string;
  serviceDate: Date;
  /** The template's field values (decrypted `content`), as stored. */
  fieldValues: Record<string, unknown>;
  body: string;
  diagnosisCodes: string[];
}

export interface CanonicalAddendum {
  number: number;
  authorId: string;
  signedAt: string;
  text: string;
}

export interface CanonicalNote {
  format: typeof CANONICAL_FORMAT;
  noteType: string;
  templateVersionId: string | null;
  clientId: string;
  serviceDate: string;
  /** [field key, value] in template order (an array, so the order is part of what is signed). */
  fields: Array<[string, unknown]>;
  body: string;
  diagnosisCodes: string[];
  addenda: CanonicalAddendum[];
  previousVersionHash: string | null;
}

/** Parses the decrypted `content` column; an empty or non-object value has no fields. */
export function parseFieldValues(content: string): Record<string, unknown> {
  if (!content.trim()) return {};
  const parsed: unknown = JSON.parse(content);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** Fields in the template's order; keys the template does not list follow, sorted. */
export function orderedFields(values: Record<string, unknown>, templateOrder: readonly string[] = []): Array<[string, unknown]> {
  const known = templateOrder.filter((key) => key in values);
  const rest = Object.keys(values)
    .filter((key) => !templateOrder.includes(key))
    .sort();
  return [...known, ...rest].map((key) => [key, values[key]]);
}

export function canonicalNote(note: SignableNote, options: { templateOrder?: readonly string[]; addenda?: CanonicalAddendum[]; previousVersionHash?: string | null } = {}): CanonicalNote {
  return {
    format: CANONICAL_FORMAT,
    noteType: note.noteType,
    templateVersionId: note.templateVersionId,
    clientId: note.clientId,
    serviceDate: note.serviceDate.toISOString(),
    fields: orderedFields(note.fieldValues, options.templateOrder),
    body: note.body,
    diagnosisCodes: note.diagnosisCodes,
    addenda: options.addenda ?? [],
    previousVersionHash: options.previousVersionHash ?? null,
  };
}

export function serialise(content: CanonicalNote): string {
  const text = canonicalize(content);
  if (text === undefined) throw new Error('The note content cannot be serialised.');
  return text;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The clinical part only (no addenda, no chain): equal when the note itself has not changed. */
export function clinicalFingerprint(content: CanonicalNote): string {
  const { addenda: _addenda, previousVersionHash: _previous, fields, ...rest } = content;
  return sha256(serialise({ ...rest, fields: [...fields].sort(([a], [b]) => a.localeCompare(b)), addenda: [], previousVersionHash: null }));
}

/** A readable rendition of a signed version, line by line, for people and for diffs. */
export function renderNoteText(content: CanonicalNote): string {
  const lines = [`Note type: ${content.noteType}`, `Service date: ${content.serviceDate.slice(0, 10)}`, `Diagnoses: ${content.diagnosisCodes.join(', ') || '—'}`];
  for (const [key, value] of content.fields) lines.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  lines.push('', content.body);
  for (const addendum of content.addenda) lines.push('', `Addendum ${addendum.number} (${addendum.signedAt})`, addendum.text);
  return lines.join('\n');
}
