import type { MiddlewareFn } from 'type-graphql';
import { runInSystemScope } from './db-scope';

/**
 * For the public operations that must find their practice before anyone is signed in (sign-in,
 * refresh-token exchange, emailed-link redemption): they run past row-level security, so keep
 * them few, and keep their repositories filtering by what they found.
 */
export const SystemScope: MiddlewareFn = (_action, next) => runInSystemScope(next);
