import { PrismaTypes, type PrismaClient } from '@solace/server-kit';

const { Prisma } = PrismaTypes;
type Sql = ReturnType<typeof Prisma.sql>;
import type { SearchTerms } from './search-terms';

/**
 * How alike a typed name must be to a stored one (pg_trgm word similarity, 0–1). The default 0.6
 * misses ordinary typos in short names ("rivra" for "Rivera"); 0.3 still keeps strangers out.
 */
const NAME_THRESHOLD = 0.3;

export class ClientSearchRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Ids of matching clients, best first: exact keys (id, date of birth, phone) before names by likeness. */
  async search(practiceId: string, terms: SearchTerms, limit: number): Promise<string[]> {
    // Name, phone and id-prefix matching go through owner-run functions that can use the trigram
    // indexes under row-level security (migration 20261202000000_client_search_under_rls).
    const keyed: Sql[] = [];
    if (terms.id) keyed.push(Prisma.sql`c."id" = ${terms.id}::uuid`);
    if (terms.dateOfBirth) keyed.push(Prisma.sql`c."dateOfBirth" = ${terms.dateOfBirth}::date`);
    if (terms.phoneDigits || terms.idPrefix) {
      keyed.push(Prisma.sql`c."id" IN (SELECT solace_client_key_matches(${practiceId}::uuid, ${terms.phoneDigits}, ${terms.idPrefix}))`);
    }

    const queries: Sql[] = [];
    if (keyed.length) {
      queries.push(Prisma.sql`SELECT c."id", 2::real AS score, c."lastName", c."firstName" FROM "Client" c
        WHERE c."practiceId" = ${practiceId}::uuid AND (${Prisma.join(keyed, ' OR ')})`);
    }
    if (terms.name) {
      // `<%` (word similarity, good for prefixes as people type) and `%` (whole-name similarity).
      queries.push(Prisma.sql`SELECT c."id", m.score, c."lastName", c."firstName"
        FROM solace_client_name_matches(${practiceId}::uuid, ${terms.name}) m JOIN "Client" c ON c."id" = m."id"`);
    }
    if (!queries.length) return [];
    const sql = Prisma.sql`SELECT "id" FROM (${Prisma.join(queries, ' UNION ALL ')}) AS found
      GROUP BY "id", "lastName", "firstName" ORDER BY max(score) DESC, "lastName", "firstName" LIMIT ${limit}`;
    // The thresholds are settings; SET LOCAL keeps them to this transaction's connection.
    const rows = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(NAME_THRESHOLD)}, true), set_config('pg_trgm.similarity_threshold', ${String(NAME_THRESHOLD)}, true)`;
      return tx.$queryRaw<Array<{ id: string }>>(sql);
    });
    return rows.map((row) => row.id);
  }
}
