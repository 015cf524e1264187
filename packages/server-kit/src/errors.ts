// Domain errors with stable codes. Services throw these; one place (toGraphQLError / the subgraph
// server's formatError) maps them to GraphQL errors with extensions.code. Anything else is masked.
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_USER_INPUT',
  'BILLING_HOLD',
  'CONSENT_REQUIRED',
  'INVALID_SIGNATURE',
  'RATE_LIMITED',
  'ACCOUNT_LOCKED',
  'WEAK_PASSWORD',
  'INVALID_TOKEN',
  'MFA_INVALID_CODE',
  // A note cannot be signed while required template fields are empty (extensions.fields lists them).
  'NOTE_INCOMPLETE',
  // An associate's note needs the supervisor's co-signature: submit it for review instead.
  'REVIEW_REQUIRED',
  // The AI service could not make a suggestion (details.reason, retryable, retryAfterSeconds).
  'ASSIST_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.details = options?.details;
  }

  readonly details: Record<string, unknown> | undefined;
}

export const notFound = (entity: string, id: string) => new DomainError('NOT_FOUND', `${entity} ${id} was not found.`);
export const forbidden = (message = 'You are not allowed to do this.') => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in first.') => new DomainError('UNAUTHENTICATED', message);

/** For reference resolvers: a missing or invisible entity resolves to null; other failures still throw. */
export async function nullIfNotFound<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
