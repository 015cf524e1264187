import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../context';
import type { AuditAction } from './audit-chain';
import { PHI_TYPES } from './phi-types';

// Actions declared with @AuditAs on the resolver that is running, per request and response path.
const declaredActions = new WeakMap<object, Map<string, AuditAction>>();
const pathKey = (info: GraphQLResolveInfo) => {
  const parts: Array<string | number> = [];
  for (let path: GraphQLResolveInfo['path'] | undefined = info.path; path; path = path.prev) parts.unshift(path.key);
  return parts.join('.');
};

/** Declares the audit action of a mutation (mutations are UPDATE, queries and fields READ, by default). */
export function AuditAs(action: AuditAction) {
  const declare: MiddlewareFn<RequestContext> = ({ context, info }, next) => {
    let actions = declaredActions.get(context);
    if (!actions) declaredActions.set(context, (actions = new Map()));
    actions.set(pathKey(info), action);
    return next();
  };
  return UseMiddleware(declare);
}

function actionFor(context: RequestContext, info: GraphQLResolveInfo): AuditAction {
  const declared = declaredActions.get(context)?.get(pathKey(info));
  if (declared) return declared;
  return info.parentType.name === 'Mutation' ? 'UPDATE' : 'READ';
}

function idsOf(result: unknown): string[] {
  const items = Array.isArray(result) ? result : [result];
  return items.flatMap((item) => (item && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : []));
}

/**
 * Records an audit event for every PHI entity a resolver returns. It runs on every field of every
 * response (type-graphql applies global middleware to plain fields too), so fields that cannot
 * return PHI pass straight through: no promise, no await — a list of 3,000 slots costs nothing extra.
 */
export const auditMiddleware: MiddlewareFn<RequestContext> = ({ context, info }, next) => {
  const typeName = getNamedType(info.returnType).name;
  if (!PHI_TYPES.has(typeName)) return next();
  return next().then((result: unknown) => {
    if (result != null) context.audit?.record(actionFor(context, info), typeName, idsOf(result));
    return result;
  });
};

/** The same for federation's entity lookups (_entities), which bypass type-graphql middleware. */
export function auditedReference<T>(typeName: string, resolve: (reference: any, context: RequestContext) => T | Promise<T>) {
  return async (reference: any, context: RequestContext) => {
    const result = await resolve(reference, context);
    if (PHI_TYPES.has(typeName) && result != null) context.audit?.record('READ', typeName, idsOf(result));
    return result;
  };
}
