// What a person typed into the client search box, read as every kind of key it could be: a name,
// a date of birth (YYYY-MM-DD or MM/DD/YYYY), phone digits, or a client id (whole or its first 8).
export interface SearchTerms {
  name: string | null;
  dateOfBirth: string | null;
  phoneDigits: string | null;
  id: string | null;
  idPrefix: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function parseDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) return calendarDate(Number(us[3]), Number(us[1]), Number(us[2]));
  return null;
}

export function parseSearch(raw: string): SearchTerms {
  const text = raw.trim().replace(/\s+/g, ' ').slice(0, 100);
  const terms: SearchTerms = { name: null, dateOfBirth: null, phoneDigits: null, id: null, idPrefix: null };
  if (!text) return terms;
  if (UUID.test(text)) return { ...terms, id: text.toLowerCase() };
  terms.dateOfBirth = parseDate(text);
  if (terms.dateOfBirth) return terms;
  if (/^[0-9a-f]{8}$/i.test(text)) terms.idPrefix = text.toLowerCase();
  // Phone numbers are typed with spaces, dashes, dots, brackets or a leading +; four digits or more.
  if (/^[+\d\s().-]+$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length >= 4) terms.phoneDigits = digits;
  }
  if (/\p{L}/u.test(text)) terms.name = text.toLowerCase();
  return terms;
}
