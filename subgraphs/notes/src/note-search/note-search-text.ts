// The plain text a note is found by, and the highlighted snippet of a hit. Snippets are cut from
// the decrypted text in the application (the database holds only the tsvector, never the text),
// matching words the way the English stemmer would roughly see them ("sleeping" finds "sleep").
export interface SearchableNote {
  fieldValues: Record<string, unknown>;
  body: string;
  addenda: string[];
  diagnoses: Array<{ code: string; description: string }>;
}

const valueText = (value: unknown): string => (value === null || value === undefined || typeof value === 'boolean' ? '' : Array.isArray(value) ? value.map(valueText).join(', ') : String(value));

export function searchableText(note: SearchableNote): string {
  return [...Object.values(note.fieldValues).map(valueText), note.body, ...note.addenda, ...note.diagnoses.map((diagnosis) => `${diagnosis.code} ${diagnosis.description}`)]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('\n');
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

const SUFFIXES = /(?:ies|ing|edly|ed|es|ly|s|y)$/;

/** The search words (operators, quotes and excluded words dropped), each cut to a rough stem. */
export function queryStems(query: string): string[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => !word.startsWith('-') && word !== 'or' && word !== 'and')
    .flatMap((word) => word.split(/[^\p{L}\p{N}]+/u))
    .filter((word) => word.length >= 2);
  return [...new Set(words.map((word) => (word.length > 4 ? word.replace(SUFFIXES, '') : word)))];
}

const WINDOW = 90;

/** Up to ~180 characters around the first matching word, with every matching word marked. */
export function snippet(text: string, query: string): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const stems = queryStems(query);
  const words = [...flat.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, word: match[0].toLowerCase() }));
  const matches = words.filter(({ word }) => stems.some((stem) => word.startsWith(stem)));
  const first = matches[0];
  const from = first ? Math.max(0, first.start - WINDOW / 2) : 0;
  let start = from === 0 ? 0 : flat.indexOf(' ', from) + 1 || from;
  if (start > (first?.start ?? 0)) start = first?.start ?? 0;
  const endAt = Math.min(flat.length, start + WINDOW * 2);
  const end = endAt === flat.length ? endAt : flat.lastIndexOf(' ', endAt) > (first?.end ?? 0) ? flat.lastIndexOf(' ', endAt) : endAt;
  const parts: SnippetPart[] = [];
  let at = start;
  for (const match of matches) {
    if (match.start < start || match.end > end) continue;
    if (match.start > at) parts.push({ text: flat.slice(at, match.start), match: false });
    parts.push({ text: flat.slice(match.start, match.end), match: true });
    at = match.end;
  }
  if (at < end) parts.push({ text: flat.slice(at, end), match: false });
  if (start > 0) parts.unshift({ text: '… ', match: false });
  if (end < flat.length) parts.push({ text: ' …', match: false });
  return parts;
}
