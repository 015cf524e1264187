// The one mapping from thrown errors to GraphQL errors (ARCHITECTURE rule 5): domain errors keep
// their code and message; input validation becomes BAD_USER_INPUT; everything else is logged with
// the request id and masked.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from './errors';
import type { Logger } from './logger';

const GRAPHQL_CODES_TO_KEEP = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export function formatError(log: Logger, formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return { ...formatted, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = original.extensions.validationErrors?.map((e) => ({ field: e.property, constraints: e.constraints }));
    return { ...formatted, message: 'Some input is not valid.', extensions: { code: 'BAD_USER_INPUT', fields } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && GRAPHQL_CODES_TO_KEEP.has(code)) return formatted;
  log.error({ err: original, requestId, path: formatted.path }, 'unexpected error');
  return {
    message: 'Something went wrong on our side. Quote this request id if you contact support.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
