import { DomainError } from '@solace/server-kit';
import type { DiagnosisRepository } from './diagnosis.repository';
import type { DiagnosisCode } from './diagnosis.type';

/** 'f41.1', 'F411', ' f41. ' → 'F411': what clinicians type, as the code column stores it without the dot. */
const compact = (text: string) => text.trim().toUpperCase().replace(/\./g, '');
const LOOKS_LIKE_CODE = /^[A-Za-z]\d[0-9A-Za-z.]{0,6}$/;
export const MAX_DIAGNOSES = 12;

export class DiagnosisService {
  constructor(private readonly codes: DiagnosisRepository) {}

  /** Autocomplete: a code prefix ('F41', 'f41.1') or words of the description, typos tolerated ('genralized anxiety'). */
  async search(text: string, limit: number): Promise<DiagnosisCode[]> {
    const trimmed = text.trim();
    if (trimmed === '') return [];
    if (LOOKS_LIKE_CODE.test(trimmed)) {
      const byCode = await this.codes.byCodePrefix(compact(trimmed), limit);
      if (byCode.length > 0) return byCode;
    }
    const words = trimmed.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0).slice(0, 8);
    return words.length === 0 ? [] : this.codes.byWords(words, limit);
  }

  /** Normalizes the codes of a note (upper case, with the dot, no repeats, order kept) and refuses unknown or non-billable ones. */
  async validateForNote(codes: string[]): Promise<string[]> {
    const normalized = [...new Set(codes.map((code) => code.trim().toUpperCase()).filter((code) => code !== ''))];
    if (normalized.length > MAX_DIAGNOSES) throw new DomainError('BAD_USER_INPUT', `A note has at most ${MAX_DIAGNOSES} diagnoses.`, { details: { reason: 'TOO_MANY_DIAGNOSES' } });
    const known = await this.codes.billable(normalized);
    const unknown = normalized.filter((code) => !known.has(code));
    if (unknown.length > 0) {
      throw new DomainError('BAD_USER_INPUT', `Not a billable ICD-10-CM code of the shipped set: ${unknown.join(', ')}.`, { details: { reason: 'UNKNOWN_DIAGNOSIS_CODE', fields: unknown.map((code) => ({ field: 'diagnosisCodes', value: code })) } });
    }
    return normalized;
  }

  /** The codes with their descriptions, in the note's order (primary first). */
  async describe(codes: string[]): Promise<DiagnosisCode[]> {
    const rows = new Map((await this.codes.find(codes)).map((row) => [row.code, row]));
    return codes.map((code) => rows.get(code) ?? { code, description: '', billable: false });
  }
}
