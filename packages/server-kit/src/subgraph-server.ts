// Serves one subgraph over HTTP: /health for probes and /graphql for the router. Every GraphQL
// request must carry the router's signed identity (auth/internal-signature.ts); nothing runs before
// the signature is checked, so `_entities` and `_service` are as protected as any query.
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditBatcher } from './audit/audit-batcher';
import { AuditTrail } from './audit/audit-trail';
import type { AuditRepository } from './audit/audit.repository';
import { verifyIdentity } from './auth/internal-signature';
import type { RequestContext } from './context';
import { runInPracticeScope, runWithoutScope } from './db/db-scope';
import { DomainError } from './errors';
import { formatError } from './format-error';
import { readJsonBody, sendGraphQLError, sendJson } from './http';
import type { Logger } from './logger';

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  internalSecret: string;
  log: Logger;
  /** Where the PHI audit trail is written. */
  auditRepository: AuditRepository;
  /** Extra readiness checks (database, Redis); /health answers 503 when one throws. */
  healthChecks?: Record<string, () => Promise<unknown>>;
}

export interface RunningSubgraph {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startSubgraphServer(options: SubgraphServerOptions, port: number, host = '127.0.0.1'): Promise<RunningSubgraph> {
  const { log, internalSecret } = options;
  const auditBatcher = new AuditBatcher(options.auditRepository);
  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    // Subgraphs are only reached through the router; the router owns introspection policy.
    introspection: true,
    csrfPrevention: false,
    // Traces would go to Apollo's hosted service, which Solace does not use. Cache hints neither:
    // responses carry PHI and are never cached, and the hint plugin wraps every field's resolver
    // (a third of the time of a 3,000-slot availability answer).
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      {
        // The audit events of this request are written before its response leaves; when that
        // fails, the response is withheld rather than disclose PHI without a record.
        requestDidStart: async () => ({
          willSendResponse: async ({ contextValue, response }) => {
            try {
              await contextValue.audit?.flush();
            } catch (error) {
              log.error({ err: error, requestId: contextValue.requestId }, 'audit trail write failed; response withheld');
              response.body = {
                kind: 'single',
                singleResult: { errors: [{ message: 'The request could not be recorded in the audit trail.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId } }] },
              };
            }
          },
        }),
      },
    ],
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(log, formatted, error),
  });
  await apollo.start();

  const server = createServer((req, res) => {
    void handle(req).then(
      (result) => {
        if (result.kind === 'health') return sendJson(res, result.ok ? 200 : 503, result.body);
        if (result.kind === 'error') return sendGraphQLError(res, result.status, result.error);
        res.writeHead(result.status ?? 200, Object.fromEntries(result.headers));
        res.end(result.body);
      },
      (error: unknown) => {
        log.error({ err: error }, 'subgraph request failed');
        sendJson(res, 500, { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      },
    );
  });

  async function health() {
    const checks: Record<string, string> = {};
    let ok = true;
    for (const [name, check] of Object.entries(options.healthChecks ?? {})) {
      try {
        await check();
        checks[name] = 'ok';
      } catch (error) {
        ok = false;
        checks[name] = (error as Error).message;
      }
    }
    return { kind: 'health' as const, ok, body: { service: options.name, status: ok ? 'ok' : 'unavailable', checks } };
  }

  async function handle(req: IncomingMessage) {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (url.pathname === '/health') return health();
    if (url.pathname !== '/graphql') {
      return { kind: 'error' as const, status: 404, error: new DomainError('NOT_FOUND', `No route ${url.pathname}.`) };
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let identity;
    try {
      identity = verifyIdentity(headers, internalSecret);
    } catch (error) {
      if (error instanceof DomainError) return { kind: 'error' as const, status: 401, error };
      throw error;
    }
    let body: unknown;
    try {
      body = req.method === 'POST' ? await readJsonBody(req) : undefined;
    } catch (error) {
      if (error instanceof DomainError) return { kind: 'error' as const, status: 400, error };
      throw error;
    }
    // Row-level security: the verified practice scopes every query this request makes; without an
    // identity, nothing (public operations that must look across practices say so themselves).
    const inScope = <T>(work: () => T) => (identity.user ? runInPracticeScope(identity.user.practiceId, work) : runWithoutScope(work));
    const response = await inScope(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => ({
          requestId: identity.requestId,
          user: identity.user,
          log: log.child({ requestId: identity.requestId }),
          ip: identity.ip ?? null,
          userAgent: identity.userAgent ?? null,
          system: identity.user ? null : (identity.system ?? null),
          audit: new AuditTrail(
            auditBatcher,
            identity.user && {
              practiceId: identity.user.practiceId,
              actorId: identity.user.sub,
              requestId: identity.requestId,
              ip: identity.ip ?? null,
              userAgent: identity.userAgent ?? null,
            },
          ),
        }),
      }),
    );
    let text = '';
    if (response.body.kind === 'complete') text = response.body.string;
    else for await (const chunk of response.body.asyncIterator) text += chunk;
    return { kind: 'graphql' as const, status: response.status, headers: response.headers, body: text };
  }

  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}/graphql`;
  log.info({ url }, `${options.name} subgraph ready`);
  return {
    url,
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}
