// Operations only the router itself may run, for no user: it calls them after verifying an
// outside party by other means (Twilio's X-Twilio-Signature on its webhooks). The router marks
// such a call in the signed internal identity (`system`), which no client request can set, so
// these operations are refused to every token and to anonymous callers alike. ROLE_MATRIX lists
// them with no roles (SYSTEM_ONLY), and the authorization matrix test proves the refusals.
import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../context';
import { DomainError } from '../errors';

export const SYSTEM_CALLERS = ['twilio-webhook'] as const;
export type SystemCaller = (typeof SYSTEM_CALLERS)[number];

/** Throws unless the request is the router's own `caller`: UNAUTHENTICATED anonymous, FORBIDDEN any user. */
export function requireSystemCaller(ctx: RequestContext, caller: SystemCaller): void {
  if (ctx.user) throw new DomainError('FORBIDDEN', 'Only the router may run this operation.');
  if (ctx.system !== caller) throw new DomainError('UNAUTHENTICATED', 'Only the router may run this operation.');
}

/** The guard as middleware: it runs before arguments are validated, so strangers learn nothing from validation errors. */
export function SystemCallerOnly(caller: SystemCaller): MiddlewareFn<RequestContext> {
  return ({ context }, next) => {
    requireSystemCaller(context, caller);
    return next();
  };
}
