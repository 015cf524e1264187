// The router's signed trust boundary (ARCHITECTURE rule 3). The router verifies the user's token and
// forwards the identity to subgraphs in `x-solace-identity`, with an HMAC over it in
// `x-solace-signature`. A subgraph trusts nothing else: a request without a valid, fresh signature is
// refused before any GraphQL runs, `_entities` and `_service` included.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors';
import type { AuthClaims } from './claims';

export const IDENTITY_HEADER = 'x-solace-identity';
export const SIGNATURE_HEADER = 'x-solace-signature';
/** How old a signed identity may be: long enough for clock skew, short enough to limit replay. */
const MAX_AGE_MS = 60_000;

export interface InternalIdentity {
  /** null for anonymous callers (e.g. the login mutation); subgraphs decide what they may do. */
  user: AuthClaims | null;
  requestId: string;
  /** The caller's address and user agent as the router saw them, for the audit trail. */
  ip?: string | null;
  userAgent?: string | null;
  /**
   * Set only by the router's own internal callers acting for no user (auth/system-caller.ts), e.g.
   * 'twilio-webhook' after it verified Twilio's signature; never derived from a client's request.
   */
  system?: string | null;
  /** When the router signed it, ms since the epoch. */
  signedAt: number;
}

const hmac = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function signIdentity(identity: Omit<InternalIdentity, 'signedAt'>, secret: string, now = Date.now()): Record<string, string> {
  const payload = Buffer.from(JSON.stringify({ ...identity, signedAt: now })).toString('base64url');
  return { [IDENTITY_HEADER]: payload, [SIGNATURE_HEADER]: hmac(payload, secret) };
}

export function verifyIdentity(
  headers: { get(name: string): string | null | undefined },
  secret: string,
  now = Date.now(),
): InternalIdentity {
  const payload = headers.get(IDENTITY_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (!payload || !signature) {
    throw new DomainError('INVALID_SIGNATURE', 'Subgraphs accept only requests signed by the router.');
  }
  const expected = Buffer.from(hmac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new DomainError('INVALID_SIGNATURE', 'The internal request signature is not valid.');
  }
  const identity = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as InternalIdentity;
  if (Math.abs(now - identity.signedAt) > MAX_AGE_MS) {
    throw new DomainError('INVALID_SIGNATURE', 'The internal request signature has expired.');
  }
  if (identity.user && identity.user.exp * 1000 < now) {
    throw new DomainError('UNAUTHENTICATED', 'The access token has expired.');
  }
  return identity;
}
