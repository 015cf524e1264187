import { isUUID } from 'class-validator';
import type { MiddlewareFn } from 'type-graphql';
import { DomainError } from '../errors';
import { runInPracticeScope } from './db-scope';

/**
 * For public operations about one named practice (the online booking page): they run with
 * row-level security scoped to the practice in the `practiceId` argument, so they can see that
 * practice's rows and no other's.
 */
export const PracticeScopeFromArgs: MiddlewareFn = ({ args }, next) => {
  const practiceId = (args as { practiceId?: unknown }).practiceId;
  if (typeof practiceId !== 'string' || !isUUID(practiceId)) throw new DomainError('NOT_FOUND', 'That booking page does not exist.');
  return runInPracticeScope(practiceId, next);
};
