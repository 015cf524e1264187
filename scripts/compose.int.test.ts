import { describe, expect, it } from 'vitest';
import { composeSchemas, staleFiles } from './compose';

describe('committed schema', () => {
  it('matches what the subgraphs compose to (run `npm run compose` when this fails)', async () => {
    const files = await composeSchemas();
    expect([...files.keys()]).toEqual(expect.arrayContaining(['supergraph.graphql', 'api.graphql', 'identity.graphql', 'analytics.graphql']));
    expect(staleFiles(files)).toEqual([]);
  });
});
