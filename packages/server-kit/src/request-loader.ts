// Entity references arrive one representation at a time (`__resolveReference` per row), so a list of
// 40 appointments would cost 40 client lookups. A per-request DataLoader turns the lookups made in
// one tick into one query. Loaders live on the request context, so nothing is shared between
// requests (or users), and they are keyed by practice as a second guard.
import DataLoader from 'dataloader';
import type { RequestContext } from './context';

const loaders = new WeakMap<RequestContext, Map<string, DataLoader<string, unknown>>>();

/**
 * The request's loader named `name`: `loadMany(ids)` returns rows in any order with an `id`;
 * ids without a row load as null.
 */
export function requestLoader<T extends { id: string }>(ctx: RequestContext, name: string, loadMany: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  let byName = loaders.get(ctx);
  if (!byName) loaders.set(ctx, (byName = new Map()));
  let loader = byName.get(name) as DataLoader<string, T | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, T | null>(async (ids) => {
      const rows = new Map((await loadMany(ids)).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    });
    byName.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}
