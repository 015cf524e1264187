// Rate limits per user (in Redis, shared by router replicas) and the security headers of API responses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack({ rateLimits: { perIpPerMinute: 10_000, perUserPerMinute: 5 }, allowedOrigins: ['https://app.example'] });
});
afterAll(async () => {
  await stack?.stop();
});

describe('router protection', () => {
  it('refuses a user over the per-minute limit with 429, RATE_LIMITED and Retry-After, without affecting others', async () => {
    const practice = await createTestPractice();
    const busy = await tokenFor(await createTestStaff(practice));
    const other = await tokenFor(await createTestStaff(practice));
    for (let i = 0; i < 5; i++) expect((await gql(stack.routerUrl, '{ me { id } }', {}, busy)).status).toBe(200);

    const response = await fetch(stack.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${busy}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');

    expect((await gql(stack.routerUrl, '{ me { id } }', {}, other)).status).toBe(200);
  });

  it('marks API responses as uncacheable and unframeable', async () => {
    const response = await fetch(stack.routerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers CORS preflights only for allowed origins', async () => {
    const preflight = (origin: string) =>
      fetch(stack.routerUrl, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('https://app.example')).headers.get('access-control-allow-origin')).toBe('https://app.example');
  });
});
