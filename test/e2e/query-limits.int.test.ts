// The router refuses abusive documents before any subgraph sees them, each with a stable code,
// over HTTP and over graphql-ws.
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestPractice, createTestStaff } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let token: string;
beforeAll(async () => {
  stack = await startStack();
  const practice = await createTestPractice();
  token = await tokenFor(await createTestStaff(practice, { roles: ['CLINICIAN', 'ADMIN'] }));
});
afterAll(async () => {
  await stack?.stop();
});

const nest = (levels: number) => {
  let selection = 'id';
  for (let i = 0; i < levels; i++) selection = `thread { messages { ${selection} } }`;
  return `query { message(id: "00000000-0000-4000-8000-000000000000") { ${selection} } }`;
};

describe('query limits', () => {
  it('refuses a depth bomb with QUERY_TOO_DEEP and lets a normal depth through to the subgraph', async () => {
    const bomb = await gql(stack.routerUrl, nest(10), {}, token);
    expect(bomb.data).toBeUndefined();
    expect(bomb.errors?.map((e) => e.extensions?.code)).toContain('QUERY_TOO_DEEP');
    const fine = await gql(stack.routerUrl, nest(2), {}, token);
    expect(fine.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses an alias bomb with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ');
    const result = await gql(stack.routerUrl, `query { ${aliases} }`, {}, token);
    expect(result.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
  });

  it('refuses a directive bomb, a token bomb and an over-costly query with their codes', async () => {
    const directives = await gql(stack.routerUrl, `query { me { id ${'@include(if: true) '.repeat(40)} } }`, {}, token);
    expect(directives.errors?.[0]?.extensions?.code).toBe('TOO_MANY_DIRECTIVES');
    const tokens = await gql(stack.routerUrl, `query { me { ${'id '.repeat(4000)} } }`, {}, token);
    expect(tokens.errors?.[0]?.extensions?.code).toBe('TOO_MANY_TOKENS');
    const deepest = 'thread { messages { thread { messages { thread { messages { sender { displayName practice { name timeZone } } } } } } } }';
    const wide = Array.from({ length: 14 }, (_, i) => `t${i}: threads { messages { ${deepest} } }`).join(' ');
    const costly = await gql(stack.routerUrl, `query { ${wide} }`, {}, token);
    expect(costly.errors?.map((e) => e.extensions?.code)).toContain('QUERY_TOO_COMPLEX');
  });

  it('gives no field suggestions that would map the schema', async () => {
    const result = await gql(stack.routerUrl, 'query { clientz { id } }', {}, token);
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses an oversized body with 413', async () => {
    const response = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it('applies the same limits to subscriptions over graphql-ws', async () => {
    const ws = createWsClient({ url: stack.routerUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    try {
      let selection = 'id';
      for (let i = 0; i < 8; i++) selection = `thread { messages { ${selection} } }`;
      const errors = await new Promise<any[]>((resolve, reject) => {
        ws.subscribe(
          { query: `subscription { messageAdded(threadId: "00000000-0000-4000-8000-000000000000") { ${selection} } }` },
          { next: () => reject(new Error('unexpected event')), error: (e) => resolve(e as any[]), complete: () => reject(new Error('completed')) },
        );
      });
      expect(errors[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
    } finally {
      await ws.dispose();
    }
  });
});
