// Every read and write of PHI lands in a hash-chained, append-only trail that admins can page,
// and tampering with the trail — an edited or a deleted event — is detected.
import { AuditBatcher, AuditRepository, createPrismaClient } from '@solace/server-kit';
import { Pool } from 'pg';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let pool: Pool | undefined;
const testPool = () => (pool ??= new Pool({ connectionString: process.env.DATABASE_OWNER_URL, max: 10 }));
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
  await pool?.end();
});

/** Runs SQL as the database owner with triggers off: what an attacker with superuser would do. */
async function asSuperuser(sql: string, params: unknown[]) {
  const db = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await db.connect();
  try {
    await db.query("set session_replication_role = 'replica'");
    await db.query(sql, params);
  } finally {
    await db.end();
  }
}

async function practiceWithReads() {
  const practice = await createTestPractice();
  const admin = await createTestStaff(practice, { roles: ['ADMIN', 'CLINICIAN'] });
  const client = await createTestClient(practice);
  await createTestAppointment(practice, client, admin, { startsAt: new Date(Date.now() + 3600_000) });
  const token = await tokenFor(admin);
  return { practice, admin, client, token };
}

describe('audit trail', () => {
  it('records who read which client, from where, without any PHI', async () => {
    const { admin, client, token } = await practiceWithReads();
    const response = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'user-agent': 'AuditTest/1.0' },
      body: JSON.stringify({ query: 'query ($id: ID!) { client(id: $id) { firstName lastName dateOfBirth } }', variables: { id: client.id } }),
    });
    expect(response.status).toBe(200);

    const trail = await gql<{ auditEvents: any[] }>(stack.routerUrl, 'query ($id: String) { auditEvents(entityId: $id) { action entityType entityId actorId ip userAgent requestId } }', { id: client.id }, token);
    expect(trail.errors).toBeUndefined();
    expect(trail.data!.auditEvents).toEqual([
      expect.objectContaining({ action: 'READ', entityType: 'Client', entityId: client.id, actorId: admin.id, userAgent: 'AuditTest/1.0', ip: expect.stringMatching(/127\.0\.0\.1/) }),
    ]);
    const stored = await testPrisma().auditEvent.findMany({ where: { entityId: client.id } });
    expect(JSON.stringify(stored)).not.toContain(client.lastName);
  });

  it('audits cross-subgraph reads and writes: the Today query, a booking and a message', async () => {
    const { practice, client, token } = await practiceWithReads();
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    await gql(stack.routerUrl, 'query ($from: DateTimeISO!, $to: DateTimeISO!) { appointments(from: $from, to: $to) { id client { firstName } } }', { from, to }, token);
    const thread = await gql<{ startThread: { id: string } }>(stack.routerUrl, 'mutation ($c: ID!) { startThread(clientId: $c, subject: "Hi") { id } }', { c: client.id }, token);
    await gql(stack.routerUrl, 'mutation ($t: ID!) { sendMessage(threadId: $t, body: "Hello") { id } }', { t: thread.data!.startThread.id }, token);

    const events = await testPrisma().auditEvent.findMany({ where: { practiceId: practice.id }, orderBy: { seq: 'asc' }, select: { action: true, entityType: true } });
    const seen = events.map((e) => `${e.action} ${e.entityType}`);
    expect(seen).toEqual(expect.arrayContaining(['READ Appointment', 'READ Client', 'CREATE Thread', 'CREATE Message']));
  });

  it('refuses the trail to non-admins', async () => {
    const practice = await createTestPractice();
    const clinician = await tokenFor(await createTestStaff(practice, { roles: ['CLINICIAN'] }));
    const result = await gql(stack.routerUrl, '{ auditEvents { id } }', {}, clinician);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('cannot be changed by the application: UPDATE and DELETE are refused', async () => {
    const { client, token } = await practiceWithReads();
    await gql(stack.routerUrl, 'query ($id: ID!) { client(id: $id) { id } }', { id: client.id }, token);
    const prisma = testPrisma();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: client.id } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { entityId: 'someone-else' } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });

  it('detects an edited event and a deleted event', async () => {
    const { practice, client, token } = await practiceWithReads();
    for (let i = 0; i < 3; i++) await gql(stack.routerUrl, 'query ($id: ID!) { client(id: $id) { id } c2: clients { id } }', { id: client.id }, token);
    const report = () => gql<{ auditChainReport: any }>(stack.routerUrl, '{ auditChainReport { valid checkedEvents brokenAtSeq reason } }', {}, token);
    const intact = await report();
    expect(intact.data!.auditChainReport).toMatchObject({ valid: true, brokenAtSeq: null });
    expect(intact.data!.auditChainReport.checkedEvents).toBeGreaterThanOrEqual(3);

    const repository = new AuditRepository(testPrisma(), testPool());
    await asSuperuser('update "AuditEvent" set "actorId" = null where "practiceId" = $1 and seq = 2', [practice.id]);
    expect(await repository.verify(practice.id)).toMatchObject({ valid: false, brokenAtSeq: 2, reason: 'the event was changed after it was written' });

    const other = await practiceWithReads();
    for (let i = 0; i < 3; i++) await gql(stack.routerUrl, 'query ($id: ID!) { client(id: $id) { id } }', { id: other.client.id }, other.token);
    await asSuperuser('delete from "AuditEvent" where "practiceId" = $1 and seq = 2', [other.practice.id]);
    expect(await repository.verify(other.practice.id)).toMatchObject({ valid: false, brokenAtSeq: 2, reason: 'event 2 is missing' });
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const practice = await createTestPractice();
    const repository = new AuditRepository(createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 10 }), testPool());
    const who = { actorId: null, requestId: 'concurrent', ip: null, userAgent: null };
    await Promise.all(Array.from({ length: 20 }, (_, i) => repository.append(practice.id, [{ ...who, action: 'READ', entityType: 'Client', entityId: `c-${i}` }])));
    expect(await repository.verify(practice.id)).toEqual({ valid: true, checkedEvents: 20, brokenAtSeq: null, reason: null });
  });

  it('group-commits concurrent requests: fewer transactions, every event written, chain intact', async () => {
    const practice = await createTestPractice();
    const repository = new AuditRepository(createPrismaClient(process.env.DATABASE_OWNER_URL!, { poolSize: 4 }), testPool());
    let transactions = 0;
    const counting = Object.assign(Object.create(repository) as AuditRepository, {
      append: (practiceId: string, events: Parameters<AuditRepository['append']>[1]) => {
        transactions++;
        return repository.append(practiceId, events);
      },
    });
    const batcher = new AuditBatcher(counting);
    const who = { actorId: null, requestId: 'batched', ip: null, userAgent: null };
    await Promise.all(Array.from({ length: 50 }, (_, i) => batcher.append(practice.id, [{ ...who, action: 'READ', entityType: 'Client', entityId: `c-${i}` }])));
    expect(transactions).toBeLessThan(50);
    expect(await repository.verify(practice.id)).toEqual({ valid: true, checkedEvents: 50, brokenAtSeq: null, reason: null });
  });
});
