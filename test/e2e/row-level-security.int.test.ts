// Tenant isolation, second line: PostgreSQL row-level security on every practice-owned table, with
// the services connected as solace_app and each connection carrying its caller's practice
// (server-kit db/tenant-pool.ts). These tests talk to PostgreSQL as the services do, so they prove
// the database itself refuses another practice's rows even when a query forgets its filter.
import { createPrismaClient, createDbPool, runInPracticeScope, runInSystemScope, assertRowLevelSecurityApplies, type PrismaClient } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let app: PrismaClient;
const appPool = () => (pool ??= createDbPool(process.env.DATABASE_URL!, { poolSize: 4 }));
let pool: ReturnType<typeof createDbPool> | undefined;

beforeAll(() => {
  app = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 4 });
});
afterAll(async () => {
  await app.$disconnect();
  await pool?.end();
});

describe('row-level security in PostgreSQL', () => {
  it('covers every table that carries a practiceId, and the services’ role cannot bypass it', async () => {
    const owner = createDbPool(process.env.DATABASE_OWNER_URL!, { poolSize: 1 });
    try {
      const { rows } = await owner.query<{ table: string; rls: boolean; policies: number }>(`
        select c.relname as "table", c.relrowsecurity as rls,
               (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and (exists (select 1 from information_schema.columns col where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'practiceId')
               or c.relname = 'Practice')`);
      expect(rows.length).toBeGreaterThanOrEqual(15);
      expect(rows.filter((row) => !row.rls || row.policies === 0).map((row) => row.table)).toEqual([]);
      const role = await owner.query<{ bypass: boolean }>("select rolsuper or rolbypassrls as bypass from pg_roles where rolname = 'solace_app'");
      expect(role.rows[0]?.bypass).toBe(false);
    } finally {
      await owner.end();
    }
  });

  it('shows a query that forgets its practice filter only the caller’s practice, and nothing without a scope', async () => {
    const [a, b] = [await createTestPractice(), await createTestPractice()];
    const [clientA, clientB] = [await createTestClient(a), await createTestClient(b)];
    // No `where: { practiceId }` on purpose: the database must do the scoping.
    const everyone = () => app.client.findMany({ where: { id: { in: [clientA.id, clientB.id] } }, select: { id: true } });
    expect(await runInPracticeScope(a.id, everyone)).toEqual([{ id: clientA.id }]);
    expect(await runInPracticeScope(b.id, everyone)).toEqual([{ id: clientB.id }]);
    expect(await everyone()).toEqual([]);
    expect(await runInSystemScope(everyone)).toHaveLength(2);
  });

  it('lets the client-search functions (run as the owner, for the trigram indexes) answer only for the caller’s own practice', async () => {
    const [a, b] = [await createTestPractice(), await createTestPractice()];
    const clientB = await testPrisma().client.create({ data: { practiceId: b.id, firstName: 'Zebulon', lastName: 'Quist', dateOfBirth: new Date('1990-01-01'), phone: '+1 404 555 0199' } });
    const names = (practiceId: string) => app.$queryRaw<Array<{ id: string }>>`SELECT id FROM solace_client_name_matches(${practiceId}::uuid, 'zebulon quist')`;
    const phones = (practiceId: string) => app.$queryRaw<Array<{ id: string }>>`SELECT solace_client_key_matches(${practiceId}::uuid, '4045550199', NULL) AS id`;
    expect(await runInPracticeScope(b.id, () => names(b.id))).toEqual([{ id: clientB.id }]);
    expect(await runInPracticeScope(b.id, () => phones(b.id))).toEqual([{ id: clientB.id }]);
    // Another practice's scope asking for b's clients, or no scope at all, gets nothing.
    expect(await runInPracticeScope(a.id, () => names(b.id))).toEqual([]);
    expect(await runInPracticeScope(a.id, () => phones(b.id))).toEqual([]);
    expect(await names(b.id)).toEqual([]);
  });

  it('refuses to write a row into another practice and changes nothing there', async () => {
    const [a, b] = [await createTestPractice(), await createTestPractice()];
    const clientB = await createTestClient(b, { firstName: 'Original' });
    const insert = runInPracticeScope(a.id, () =>
      app.client.create({ data: { practiceId: b.id, firstName: 'Intruder', lastName: 'X', dateOfBirth: new Date('1990-01-01') } }),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
    const renamed = await runInPracticeScope(a.id, () => app.client.updateMany({ where: { id: clientB.id }, data: { firstName: 'Changed' } }));
    expect(renamed.count).toBe(0);
    const moved = runInPracticeScope(b.id, () => app.client.update({ where: { id: clientB.id }, data: { practiceId: a.id } }));
    await expect(moved).rejects.toThrow(/row-level security/);
    const stored = await testPrisma().client.findFirstOrThrow({ where: { id: clientB.id }, select: { firstName: true, practiceId: true } });
    expect(stored).toEqual({ firstName: 'Original', practiceId: b.id });
  });

  it('keeps the audit trail append-only for the services’ role', async () => {
    const practice = await createTestPractice();
    const update = runInPracticeScope(practice.id, () => appPool().query('update "AuditEvent" set "entityId" = \'x\' where "practiceId" = $1', [practice.id]));
    await expect(update).rejects.toThrow(/permission denied/);
  });

  it('applies a connection’s new scope on every checkout, so interleaved practices never see each other', async () => {
    const practices = await Promise.all([createTestPractice(), createTestPractice(), createTestPractice()]);
    const clients = await Promise.all(practices.map((practice) => createTestClient(practice)));
    // 60 interleaved lookups over a pool of 4 connections: each connection changes practice often.
    const lookups = Array.from({ length: 60 }, (_, i) => i % practices.length).map((i) =>
      runInPracticeScope(practices[i]!.id, async () => (await app.client.findMany({ select: { practiceId: true } })).map((row) => row.practiceId)),
    );
    const seen = await Promise.all(lookups);
    seen.forEach((practiceIds, i) => {
      expect(practiceIds).toEqual([clients[i % practices.length]!.practiceId]);
    });
  });

  it('refuses to start a service whose database user would bypass row-level security', async () => {
    const owner = createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 1 });
    try {
      await expect(assertRowLevelSecurityApplies(owner)).rejects.toThrow(/bypasses row-level security/);
      await expect(assertRowLevelSecurityApplies(app)).resolves.toBeUndefined();
    } finally {
      await owner.$disconnect();
    }
  });
});

describe('row-level security behind the API', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers concurrent requests of different practices each from their own practice', async () => {
    const setups = await Promise.all(
      [0, 1, 2].map(async () => {
        const practice = await createTestPractice();
        const staff = await createTestStaff(practice, { roles: ['ADMIN'] });
        const client = await createTestClient(practice, { firstName: `F${randomUUID().slice(0, 6)}` });
        return { client, token: await tokenFor(staff) };
      }),
    );
    const requests = Array.from({ length: 30 }, (_, i) => setups[i % 3]!).map(async ({ client, token }) => {
      const result = await gql<{ client: { firstName: string } | null }>(stack.routerUrl, 'query ($id: ID!) { client(id: $id) { firstName } }', { id: client.id }, token);
      return { expected: client.firstName, got: result.data?.client?.firstName, errors: result.errors };
    });
    for (const { expected, got, errors } of await Promise.all(requests)) {
      expect(errors).toBeUndefined();
      expect(got).toBe(expected);
    }
  });
});
