// The client autocomplete: searchClients finds clients by a misspelled or partly typed name
// (pg_trgm), by date of birth in either format, by phone digits and by id — only in the caller's
// practice, at most 25, audited like every read of a client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const SEARCH = `query($q: String!, $limit: Int) { searchClients(query: $q, limit: $limit) { id firstName lastName } }`;

async function practiceWithClients() {
  const practice = await createTestPractice();
  const token = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
  const make = (firstName: string, lastName: string, dateOfBirth: string, phone: string | null, preferredName: string | null = null) =>
    testPrisma().client.create({ data: { practiceId: practice.id, firstName, lastName, dateOfBirth: new Date(dateOfBirth), phone, preferredName } });
  const alexandra = await make('Alexandra', 'Rivera', '1988-02-29', '+1 (555) 010-2000', 'Sasha');
  const alejandro = await make('Alejandro', 'Rivas', '1975-07-04', '555.010.3000');
  const morgan = await make('Morgan', 'Okafor', '2001-11-30', null);
  const search = async (q: string, limit?: number) => {
    const result = await gql(stack.routerUrl, SEARCH, { q, limit }, token);
    expect(result.errors, q).toBeUndefined();
    return (result.data!.searchClients as Array<{ id: string; firstName: string }>);
  };
  return { practice, token, alexandra, alejandro, morgan, search };
}

describe('searchClients', () => {
  it('finds names despite typos and as they are typed, best match first', async () => {
    const { alexandra, alejandro, morgan, search } = await practiceWithClients();
    expect((await search('Alexandra Rivra'))[0]?.id).toBe(alexandra.id);
    expect((await search('rivra')).map((c) => c.id)).toContain(alexandra.id);
    // A prefix: "alex" is the start of a word in Alexandra's name, closer than Alejandro's.
    expect((await search('alex'))[0]?.id).toBe(alexandra.id);
    expect((await search('alejandro rivas'))[0]?.id).toBe(alejandro.id);
    expect((await search('Okafr')).map((c) => c.id)).toEqual([morgan.id]);
    expect((await search('sasha')).map((c) => c.id)).toEqual([alexandra.id]);
    expect(await search('zzzzqqq')).toEqual([]);
    expect(await search('   ')).toEqual([]);
  });

  it('finds by date of birth (YYYY-MM-DD or MM/DD/YYYY), phone digits and id', async () => {
    const { alexandra, alejandro, search } = await practiceWithClients();
    expect((await search('1988-02-29')).map((c) => c.id)).toEqual([alexandra.id]);
    expect((await search('02/29/1988')).map((c) => c.id)).toEqual([alexandra.id]);
    expect((await search('555-010-3000')).map((c) => c.id)).toEqual([alejandro.id]);
    expect((await search('0102000')).map((c) => c.id)).toEqual([alexandra.id]);
    expect((await search(alejandro.id.toUpperCase())).map((c) => c.id)).toEqual([alejandro.id]);
    expect((await search(alejandro.id.slice(0, 8))).map((c) => c.id)).toContain(alejandro.id);
  });

  it('returns at most 25 and only clients of the caller’s practice', async () => {
    const { practice, alexandra, search } = await practiceWithClients();
    await testPrisma().client.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ practiceId: practice.id, firstName: `Jordan${i}`, lastName: 'Smith', dateOfBirth: new Date('1990-01-01') })),
    });
    expect(await search('jordan smith', 100)).toHaveLength(25);
    expect(await search('jordan smith')).toHaveLength(10);

    const other = await createTestPractice();
    const stranger = await tokenFor(await createTestStaff(other, { roles: ['ADMIN'] }));
    for (const q of ['Alexandra Rivera', '1988-02-29', alexandra.id, '5550102000']) {
      const result = await gql(stack.routerUrl, SEARCH, { q }, stranger);
      expect(result.data!.searchClients, q).toEqual([]);
    }
  });

  it('audits each client it returns, and refuses portal clients and anonymous callers', async () => {
    const { practice, alexandra, search } = await practiceWithClients();
    await search('Alexandra');
    const events = await testPrisma().auditEvent.findMany({ where: { practiceId: practice.id, entityId: alexandra.id }, select: { action: true, entityType: true } });
    expect(events).toContainEqual({ action: 'READ', entityType: 'Client' });
    expect((await gql(stack.routerUrl, SEARCH, { q: 'Alexandra' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const portal = await tokenFor({ id: '00000000-0000-4000-8000-0000000000c1', practiceId: practice.id, roles: ['CLIENT'], clientId: alexandra.id });
    expect((await gql(stack.routerUrl, SEARCH, { q: 'Alexandra' }, portal)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
