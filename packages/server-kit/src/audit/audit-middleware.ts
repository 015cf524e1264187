import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
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

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * Wraps the resolver of a field whose type is PHI so every entity it returns is recorded. Only
 * those fields are wrapped (federated-schema.ts picks them from the built schema): a type-graphql
 * global middleware would turn every plain field of every response into a promise — a list of
 * 3,000 slots paid for it three times over.
 */
export function auditedFieldResolver(typeName: string, resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  return (root, args, context, info) => {
    const record = (result: unknown) => {
      if (result != null) context.audit?.record(actionFor(context, info), typeName, idsOf(result));
      return result;
    };
    const result = resolve(root, args, context, info);
    return isPromiseLike(result) ? result.then(record) : record(result);
  };
}

/** The same for federation's entity lookups (_entities), which bypass type-graphql middleware. */
export function auditedReference<T>(typeName: string, resolve: (reference: any, context: RequestContext) => T | Promise<T>) {
  return async (reference: any, context: RequestContext) => {
    const result = await resolve(reference, context);
    if (PHI_TYPES.has(typeName) && result != null) context.audit?.record('READ', typeName, idsOf(result));
    return result;
  };
}
