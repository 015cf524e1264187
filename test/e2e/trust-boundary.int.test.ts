// ARCHITECTURE rule 3: a subgraph answers only the router. Called directly without the signed
// identity — or with a forged or stale one — every subgraph refuses, `_service` and `_entities` included.
import { IDENTITY_HEADER, loadConfig, SIGNATURE_HEADER, signIdentity, SUBGRAPH_NAMES } from '@solace/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const SERVICE_QUERY = '{ _service { sdl } }';
const ENTITIES_QUERY = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }';

async function post(url: string, query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> } };
}

describe('subgraph trust boundary', () => {
  it.each(SUBGRAPH_NAMES)('%s refuses unsigned _service and _entities calls', async (name) => {
    const url = stack.subgraphUrls[name];
    for (const query of [SERVICE_QUERY, ENTITIES_QUERY]) {
      const { status, body } = await post(url, query, {}, { r: [{ __typename: 'Client', id: '00000000-0000-0000-0000-000000000000' }] });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe('INVALID_SIGNATURE');
      expect(body.data).toBeUndefined();
    }
  });

  it('refuses a signature made with another secret, a tampered identity and a stale signature', async () => {
    const url = stack.subgraphUrls.patients;
    const forged = signIdentity({ user: null, requestId: 'forged-1' }, 'not-the-router-secret');
    expect((await post(url, SERVICE_QUERY, forged)).status).toBe(401);

    const genuine = signIdentity({ user: null, requestId: 'genuine-1' }, loadConfig().internalSecret);
    const claims = { sub: 'x', practiceId: 'y', roles: ['ADMIN'], exp: Math.floor(Date.now() / 1000) + 60 };
    const tampered = { ...genuine, [IDENTITY_HEADER]: Buffer.from(JSON.stringify({ user: claims, requestId: 'r', signedAt: Date.now() })).toString('base64url') };
    expect((await post(url, SERVICE_QUERY, tampered)).status).toBe(401);

    const stale = signIdentity({ user: null, requestId: 'stale-1' }, loadConfig().internalSecret, Date.now() - 5 * 60_000);
    const { status, body } = await post(url, SERVICE_QUERY, stale);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('INVALID_SIGNATURE');
  });

  it('answers a correctly signed call (so the refusals above are not a broken server)', async () => {
    const headers = signIdentity({ user: null, requestId: 'ok-1' }, loadConfig().internalSecret);
    const { status, body } = await post(stack.subgraphUrls.patients, SERVICE_QUERY, headers);
    expect(status).toBe(200);
    expect(body.data._service.sdl).toContain('type Client');
    expect(headers[SIGNATURE_HEADER]).toBeTruthy();
  });
});
