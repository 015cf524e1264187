import type { AuditTrail } from './audit/audit-trail';
import type { AuthClaims, RoleName } from './auth/claims';
import { DomainError } from './errors';
import type { Logger } from './logger';

/** What every resolver receives. The practice always comes from the verified identity. */
export interface RequestContext {
  requestId: string;
  user: AuthClaims | null;
  log: Logger;
  /** Where the request came from, as the router saw it. */
  ip?: string | null;
  userAgent?: string | null;
  /** The router's internal caller acting for no user (auth/system-caller.ts); null for everyone else. */
  system?: string | null;
  /** Collects this request's PHI audit events; written before the response leaves the subgraph. */
  audit?: AuditTrail;
}

/** The signed-in user, or UNAUTHENTICATED; with roles, FORBIDDEN unless the user holds one of them. */
export function requireUser(ctx: RequestContext, roles?: readonly RoleName[]): AuthClaims {
  if (!ctx.user) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  if (roles && !ctx.user.roles.some((role) => roles.includes(role))) {
    throw new DomainError('FORBIDDEN', `This needs one of the roles ${roles.join(', ')}.`);
  }
  return ctx.user;
}
