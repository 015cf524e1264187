// Who is calling: the router is the only place that verifies end-user tokens (ARCHITECTURE rule 3).
import { randomUUID } from 'node:crypto';
import { DomainError, verifyAccessToken, type AuthClaims, type Logger, type SystemCaller } from '@solace/server-kit';

export interface RouterContext {
  requestId: string;
  /** null for anonymous callers; subgraphs decide what anonymous callers may do (e.g. login). */
  user: AuthClaims | null;
  log: Logger;
  /** For the audit trail: where the request came from. */
  ip?: string | null;
  userAgent?: string | null;
  /** Set only by the router's own handlers (webhooks/), never from a request: signed to subgraphs as a system caller. */
  system?: SystemCaller;
}

/** Reads `Bearer <token>`; a present but invalid token is refused rather than treated as anonymous. */
export async function claimsFromAuthorization(header: unknown, jwtSecret: string): Promise<AuthClaims | null> {
  if (header === undefined || header === null || header === '') return null;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
    throw new DomainError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <access token>".');
  }
  return verifyAccessToken(header.slice('Bearer '.length).trim(), jwtSecret);
}

export function newRequestId(incoming?: string | string[]): string {
  // Accept a caller's request id only when it looks like one, so logs cannot be forged with junk.
  const given = Array.isArray(incoming) ? incoming[0] : incoming;
  return given && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
}
