// Minimum necessary: what leaves Solace for an AI service carries no direct identifier of the
// client. The source text a clinician pastes often names the client, so their names, date of
// birth, email, phone and street are replaced by placeholders before any provider sees it, and
// anything shaped like an email address or a phone number is removed too.
export interface ClientIdentifiers {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: Date;
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// 7+ digits with the usual separators: US and international phone numbers.
const PHONE = /(?:\+?\d[\s().-]*){7,15}\d/g;

function dateOfBirthPatterns(date: Date): RegExp[] {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  const month = MONTHS[m - 1]!;
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  const short = month.slice(0, 3);
  return [
    new RegExp(`\\b${y}-${mm}-${dd}\\b`, 'g'),
    new RegExp(`\\b0?${m}[/.-]0?${d}[/.-](?:${y}|${String(y).slice(2)})\\b`, 'g'),
    new RegExp(`\\b(?:${month}|${short})\\.? ${d}(?:st|nd|rd|th)?,? ${y}\\b`, 'gi'),
    new RegExp(`\\b${d}(?:st|nd|rd|th)? (?:${month}|${short})\\.?,? ${y}\\b`, 'gi'),
  ];
}

export function redactIdentifiers(text: string, client: ClientIdentifiers): string {
  let result = text;
  for (const pattern of dateOfBirthPatterns(client.dateOfBirth)) result = result.replace(pattern, '[date of birth]');
  if (client.email) result = result.replace(new RegExp(escape(client.email), 'gi'), '[email]');
  result = result.replace(EMAIL, '[email]');
  if (client.addressLine1?.trim()) result = result.replace(new RegExp(escape(client.addressLine1.trim()), 'gi'), '[address]');
  result = result.replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 7 ? '[phone]' : match));
  // Longest first, so "Dana Reyes" goes before "Dana"; names of one letter are left alone.
  const names = [`${client.firstName} ${client.lastName}`, client.preferredName, client.firstName, client.lastName, ...client.lastName.split(/[\s-]+/)]
    .filter((name): name is string => !!name && name.trim().length > 1)
    .sort((a, b) => b.length - a.length);
  for (const name of names) result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(name.trim())}(?![\\p{L}\\p{N}])`, 'giu'), '[client]');
  return result;
}
