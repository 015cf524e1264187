// graphql-ws on the router's own HTTP server (ARCHITECTURE rule 7). Authenticates on
// connection_init, validates every operation, maps a subscription's root field to its Redis channel,
// re-checks permission for every event and resolves the client's selection through the gateway.
import { hasAnyRole, isSessionAlive, newRequestIdFor, touchSession, type AuthClaims, type Logger, type Redis, type SubscriptionEvent } from '@solace/server-kit';
import { GraphQLError, getOperationAST, Kind, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type ExecutionResult, type FieldNode, type GraphQLSchema } from 'graphql';
import type { RedisPubSub } from 'graphql-redis-subscriptions';
import { useServer } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { claimsFromAuthorization, type RouterContext } from '../identity';
import { rewriteForEvent } from './rewrite';
import { SUBSCRIPTION_ROUTES, type SubscriptionRoute } from './routes';

export type ExecuteThroughGateway = (
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  context: RouterContext,
) => Promise<ExecutionResult>;

export interface SubscriptionServerOptions {
  httpServer: Server;
  getSchema: () => GraphQLSchema;
  execute: ExecuteThroughGateway;
  pubsub: RedisPubSub;
  /** Where session liveness is kept (see session-liveness.ts). */
  sessions: Redis;
  jwtSecret: string;
  log: Logger;
  /** Extra validation rules (query limits) applied to every operation, as on HTTP. */
  validationRules?: Parameters<typeof validate>[2];
  /** Largest document, in tokens, parsed at all. */
  maxTokens?: number;
}

type Extra = { user?: AuthClaims; [key: string]: unknown };

const refusal = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });
const INVISIBLE = new Set(['NOT_FOUND', 'FORBIDDEN']);

export function attachSubscriptionServer(options: SubscriptionServerOptions): { close(): Promise<void> } {
  const { log } = options;
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql' });

  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      onConnect: async (ctx) => {
        try {
          const user = await claimsFromAuthorization(ctx.connectionParams?.authorization, options.jwtSecret);
          if (!user || !(await touchSession(options.sessions, user.sid))) return false;
          (ctx.extra as Extra).user = user;
          return true;
        } catch {
          return false; // closes with 4403 Forbidden
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        const user = (ctx.extra as Extra).user!;
        const schema = options.getSchema();
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          const tooLong = /token limit/i.test((error as Error).message);
          return [refusal((error as Error).message, tooLong ? 'TOO_MANY_TOKENS' : 'GRAPHQL_PARSE_FAILED')];
        }
        const rules = [...specifiedRules, ...(options.validationRules ?? [])];
        const errors = validate(schema, document, rules);
        // No "Did you mean …?" hints: they would let a stranger map the schema (as on HTTP).
        if (errors.length) return errors.map((e) => refusal(e.message.replace(/ Did you mean .*$/, ''), String(e.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED')));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [refusal('Name the operation to run.', 'BAD_USER_INPUT')];
        const request = (ctx.extra as { request?: { socket?: { remoteAddress?: string }; headers?: Record<string, string | string[] | undefined> } }).request;
        const userAgent = request?.headers?.['user-agent'];
        const context: RouterContext = {
          requestId: newRequestIdFor('ws'),
          user,
          log,
          ip: request?.socket?.remoteAddress ?? null,
          userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
        };
        if (operation.operation === 'subscription') {
          const root = operation.selectionSet.selections[0];
          const route = root?.kind === Kind.FIELD ? SUBSCRIPTION_ROUTES[root.name.value] : undefined;
          if (!route) return [refusal('This subscription is not served.', 'BAD_USER_INPUT')];
          if (!hasAnyRole(user, route.roles)) return [refusal(`This needs one of the roles ${route.roles.join(', ')}.`, 'FORBIDDEN')];
          const refused = route.guard && (await guardRefusal(route.guard, argumentValues(root as FieldNode, payload.variables ?? {}), context, options));
          if (refused) return refused;
        }
        return { schema, document, variableValues: payload.variables ?? {}, operationName: payload.operationName ?? undefined, contextValue: context };
      },
      execute: (args) => options.execute(args.document, (args.variableValues ?? {}) as Record<string, unknown>, args.operationName ?? undefined, args.contextValue as RouterContext),
      subscribe: (args) => streamEvents(args, options),
    },
    wss,
  );

  return {
    close: async () => {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

async function* streamEvents(args: ExecutionArgs, options: SubscriptionServerOptions): AsyncGenerator<ExecutionResult> {
  const context = args.contextValue as RouterContext;
  const user = context.user!;
  const operation = getOperationAST(args.document, args.operationName)!;
  const rootField = operation.selectionSet.selections[0] as FieldNode;
  const route = SUBSCRIPTION_ROUTES[rootField.name.value]!;
  const variables = (args.variableValues ?? {}) as Record<string, unknown>;
  const fieldArgs = argumentValues(rootField, variables);
  const channel = route.channel(user, fieldArgs);
  const events = options.pubsub.asyncIterator<SubscriptionEvent>(channel);
  try {
    for await (const event of events as AsyncIterable<SubscriptionEvent>) {
      // Permission is re-checked per event: same practice, token still valid, role still held.
      if (event.practiceId !== user.practiceId) continue;
      if (user.exp * 1000 <= Date.now()) {
        yield { errors: [refusal('The access token has expired; subscribe again after signing in.', 'UNAUTHENTICATED')] };
        return;
      }
      if (!hasAnyRole(user, route.roles)) return;
      if (!(await isSessionAlive(options.sessions, user.sid))) {
        yield { errors: [refusal('Your session has ended; sign in again.', 'UNAUTHENTICATED')] };
        return;
      }
      const query = rewriteForEvent(args.document, operation, rootField, route, variables, event.keys);
      const result = await options.execute(query.document, query.variables, operation.name?.value, { ...context, requestId: newRequestIdFor('event') });
      const value = result.data?.[query.responseKey];
      // An entity the subscriber may not see (or that is gone) is skipped, not reported.
      if (value == null && result.errors?.every((e) => INVISIBLE.has(String(e.extensions?.code)))) continue;
      yield { data: result.data ? { [query.responseKey]: value } : null, ...(result.errors ? { errors: result.errors } : {}) };
    }
  } finally {
    await (events as AsyncIterator<unknown>).return?.();
  }
}

/** Runs a route's guard lookup as the subscriber; the refusal to send when it does not resolve. */
async function guardRefusal(
  guard: NonNullable<SubscriptionRoute['guard']>,
  args: Record<string, unknown>,
  context: RouterContext,
  options: SubscriptionServerOptions,
): Promise<GraphQLError[] | null> {
  const document = parse(`query SubscriptionGuard($id: ID!) { ${guard.field}(id: $id) { __typename } }`);
  const result = await options.execute(document, { id: args[guard.idFromArgument] }, 'SubscriptionGuard', { ...context, requestId: newRequestIdFor('guard') });
  if (!result.errors?.length && result.data?.[guard.field]) return null;
  const error = result.errors?.[0];
  const code = String(error?.extensions?.code ?? 'NOT_FOUND');
  return [refusal(INVISIBLE.has(code) || code === 'BAD_USER_INPUT' ? (error?.message ?? 'Not found.') : 'This subscription cannot start.', code)];
}

/** Literal and variable argument values of the root field, as plain JSON values. */
function argumentValues(field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const argument of field.arguments ?? []) {
    const node = argument.value;
    if (node.kind === Kind.VARIABLE) values[argument.name.value] = variables[node.name.value];
    else if (node.kind === Kind.STRING || node.kind === Kind.ENUM || node.kind === Kind.INT || node.kind === Kind.FLOAT) values[argument.name.value] = node.value;
    else if (node.kind === Kind.BOOLEAN) values[argument.name.value] = node.value;
  }
  return values;
}
