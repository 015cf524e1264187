// ICD-10-CM search over the shipped mental-health code set: by code prefix, by words, with typos.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let token: string;
beforeAll(async () => {
  stack = await startStack();
  token = await tokenFor(await createTestStaff(await createTestPractice()));
});
afterAll(async () => {
  await stack?.stop();
});

const SEARCH = `query($s: String!, $limit: Int) { diagnosisCodes(search: $s, limit: $limit) { code description billable } }`;
const search = async (s: string, limit?: number) => {
  const result = await gql(stack.routerUrl, SEARCH, { s, limit }, token);
  expect(result.errors).toBeUndefined();
  return result.data!.diagnosisCodes as Array<{ code: string; description: string; billable: boolean }>;
};

describe('diagnosis code search', () => {
  it('finds codes by prefix, with or without the dot, in code order', async () => {
    const codes = (await search('F41')).map((c) => c.code);
    expect(codes).toEqual(['F41.0', 'F41.1', 'F41.3', 'F41.8', 'F41.9']);
    expect((await search('f43.1')).map((c) => c.code)).toEqual(['F43.10', 'F43.11', 'F43.12']);
    expect((await search('Z915')).map((c) => c.code)).toEqual(['Z91.51', 'Z91.52']);
  });

  it('finds codes by words of the description, and tolerates typos', async () => {
    expect((await search('generalized anxiety'))[0]).toEqual({ code: 'F41.1', description: 'Generalized anxiety disorder', billable: true });
    expect((await search('genralized anxeity'))[0]!.code).toBe('F41.1');
    expect((await search('posttraumatic')).map((c) => c.code)).toContain('F43.10');
    const depression = (await search('depresion', 5)).map((c) => c.code);
    expect(depression).toHaveLength(5);
    expect(depression).toContain('F32.A');
    expect((await search('homelessness')).map((c) => c.code)).toEqual(expect.arrayContaining(['Z59.00', 'Z59.01', 'Z59.02']));
    expect(await search('xylophone')).toEqual([]);
  });

  it('is for clinical and billing staff only', async () => {
    const practice = await createTestPractice();
    const billing = await tokenFor(await createTestStaff(practice, { roles: ['BILLING'] }));
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    expect((await gql(stack.routerUrl, SEARCH, { s: 'F41' }, billing)).errors).toBeUndefined();
    expect((await gql(stack.routerUrl, SEARCH, { s: 'F41' }, desk)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, SEARCH, { s: 'F41' })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
