import { describe, expect, it } from 'vitest';
import type { RequestContext } from './context';
import { requestLoader } from './request-loader';

const context = () => ({ requestId: 'r', user: null }) as unknown as RequestContext;

describe('requestLoader', () => {
  it('turns the lookups of one tick into one batch, in order, with null for missing rows', async () => {
    const batches: string[][] = [];
    const ctx = context();
    const load = (ids: readonly string[]) => {
      batches.push([...ids]);
      return Promise.resolve(ids.filter((id) => id !== 'gone').map((id) => ({ id, name: `n-${id}` })));
    };
    const results = await Promise.all(['a', 'b', 'gone', 'a'].map((id) => requestLoader(ctx, 'X', load).load(id)));
    expect(batches).toEqual([['a', 'b', 'gone']]);
    expect(results).toEqual([{ id: 'a', name: 'n-a' }, { id: 'b', name: 'n-b' }, null, { id: 'a', name: 'n-a' }]);
  });

  it('never shares a loader between requests', async () => {
    let calls = 0;
    const load = (ids: readonly string[]) => {
      calls++;
      return Promise.resolve(ids.map((id) => ({ id })));
    };
    await requestLoader(context(), 'X', load).load('a');
    await requestLoader(context(), 'X', load).load('a');
    expect(calls).toBe(2);
  });
});
