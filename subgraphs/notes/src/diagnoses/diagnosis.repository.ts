import type { PrismaClient } from '@solace/server-kit';
import type { DiagnosisCode } from './diagnosis.type';

export class DiagnosisRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Codes starting with the prefix (dot-less, upper case), in code order. */
  byCodePrefix(compactPrefix: string, limit: number): Promise<DiagnosisCode[]> {
    return this.prisma.diagnosisCode.findMany({ where: { compactCode: { startsWith: compactPrefix } }, orderBy: { compactCode: 'asc' }, take: limit, select: { code: true, description: true, billable: true } });
  }

  /**
   * Description search: every word appears (substring), or the words are close enough for typos
   * (pg_trgm word_similarity). Exact-word matches first, then the closest. A thousand rows of
   * shared reference data (no row-level security): scoring each is cheaper than any index dance.
   */
  byWords(words: string[], limit: number): Promise<DiagnosisCode[]> {
    const query = words.join(' ');
    const patterns = words.map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return this.prisma.$queryRaw<DiagnosisCode[]>`
      WITH scored AS (
        SELECT code, description, billable, "compactCode",
               lower(description) LIKE ALL (${patterns}::text[]) AS all_words,
               word_similarity(${query}, lower(description)) AS closeness
        FROM "DiagnosisCode"
      )
      SELECT code, description, billable FROM scored
      WHERE all_words OR closeness >= 0.45
      ORDER BY all_words DESC, closeness DESC, "compactCode"
      LIMIT ${limit}`;
  }

  /** Which of these codes exist and are billable. */
  async billable(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await this.prisma.diagnosisCode.findMany({ where: { code: { in: codes }, billable: true }, select: { code: true } });
    return new Set(rows.map((row) => row.code));
  }

  find(codes: string[]): Promise<DiagnosisCode[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.prisma.diagnosisCode.findMany({ where: { code: { in: codes } }, select: { code: true, description: true, billable: true } });
  }
}
