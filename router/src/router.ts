// The router: the only service facing the network. HTTP GraphQL and graphql-ws subscriptions share
// one port; /health answers liveness and /ready checks Redis and every subgraph.
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  DomainError,
  readJsonBody,
  sendGraphQLError,
  sendJson,
  SUBGRAPH_NAMES,
  subgraphUrl,
  touchSession,
  type Logger,
  type ServerConfig,
} from '@solace/server-kit';
import { GraphQLError, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway } from './gateway';
import { createArmor, LIMIT_CODES, QUERY_LIMITS, subscriptionLimitRules } from './limits';
import { createRateLimiter, DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit';
import { claimsFromAuthorization, newRequestId, type RouterContext } from './identity';
import { attachSubscriptionServer, type ExecuteThroughGateway } from './subscriptions/ws-server';
import { handleTwilioWebhook, twilioWebhookKind } from './webhooks/twilio-webhooks';

/** /calendar/<secret>.ics — the secret is 43 base64url characters. */
const CALENDAR_FEED_PATH = /^\/calendar\/([A-Za-z0-9_-]{20,100})\.ics$/;
const CALENDAR_FEED_QUERY = parse('query CalendarFeed($token: String!) { calendarFeed(token: $token) }');

export interface RouterOptions {
  supergraphSdl: string;
  config: ServerConfig;
  log: Logger;
  /** Browser origins allowed by CORS. */
  allowedOrigins: string[];
  env?: NodeJS.ProcessEnv;
  rateLimits?: RateLimits;
}

export interface RunningRouter {
  url: string;
  close(): Promise<void>;
}

export async function startRouter(options: RouterOptions, port: number, host = '127.0.0.1'): Promise<RunningRouter> {
  const { config, log } = options;
  const gateway = createGateway({ supergraphSdl: options.supergraphSdl, internalSecret: config.internalSecret, env: options.env });
  let apiSchema: GraphQLSchema | undefined;
  // Registered before start(): registered after, it misses the initial load (TOOLCHAIN-NOTES).
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
  });
  const armor = createArmor();
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    plugins: [...armor.plugins],
    validationRules: [...armor.validationRules],
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => {
      const code = limitCode(formatted, error) ?? formatted.extensions?.code;
      // Subgraph errors arrive already mapped (domain code or masked); keep only safe extensions.
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, ...pick(formatted.extensions, ['reason', 'fields', 'problems', 'lockedUntil', 'retryAfterSeconds', 'requestId', 'taken', 'status', 'appointmentId', 'noteId', 'days', 'holdDay', 'currentRevision']) } };
    },
  });
  await apollo.start();

  const publisher = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
  const subscriber = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const pubsub = new RedisPubSub({ publisher, subscriber });
  const rateLimit = createRateLimiter(publisher, options.rateLimits ?? DEFAULT_RATE_LIMITS);

  const execute: ExecuteThroughGateway = async (document, variables, operationName, context) => {
    const response = await apollo.executeOperation({ query: document, variables, operationName }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('Incremental delivery is not supported on subscriptions.');
    return response.body.singleResult as ExecutionResult;
  };

  const httpServer = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'router request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });

  function securityHeaders(res: ServerResponse): void {
    // API responses carry PHI: never cached, never framed, never sniffed.
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    res.setHeader('cross-origin-resource-policy', 'same-site');
    if (config.production) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  }

  function cors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (origin && options.allowedOrigins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, x-request-id, apollo-require-preflight');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-max-age', '600');
    }
  }

  async function ready() {
    const checks: Record<string, string> = {};
    const results = await Promise.all([
      publisher.ping().then(() => ['redis', 'ok'] as const, (e: Error) => ['redis', e.message] as const),
      ...SUBGRAPH_NAMES.map(async (name) => {
        try {
          const response = await fetch(subgraphUrl(name, options.env).replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
          return [name, response.ok ? 'ok' : `status ${response.status}`] as const;
        } catch (error) {
          return [name, (error as Error).message] as const;
        }
      }),
    ]);
    for (const [name, status] of results) checks[name] = status;
    const ok = Object.values(checks).every((status) => status === 'ok');
    return { ok, body: { status: ok ? 'ready' : 'not ready', checks } };
  }

  /**
   * A clinician's private iCalendar feed for calendar apps, which cannot send GraphQL: the secret in
   * the path is the credential; the appointments subgraph renders the feed (no client details).
   */
  async function serveCalendarFeed(token: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId(req.headers['x-request-id']);
    const retryAfter = await rateLimit(req.socket.remoteAddress ?? 'unknown', undefined);
    if (retryAfter !== null) {
      res.setHeader('retry-after', String(retryAfter));
      return sendGraphQLError(res, 429, new DomainError('RATE_LIMITED', `Too many requests; try again in ${retryAfter} s.`), { requestId });
    }
    const context: RouterContext = { requestId, user: null, log: log.child({ requestId }), ip: req.socket.remoteAddress ?? null, userAgent: req.headers['user-agent']?.slice(0, 512) ?? null };
    const result = await execute(CALENDAR_FEED_QUERY, { token }, 'CalendarFeed', context);
    const feed = (result.data as { calendarFeed?: string } | null | undefined)?.calendarFeed;
    if (!feed) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('This calendar link is not valid.');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' }).end(feed);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://router');
    securityHeaders(res);
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const { ok, body } = await ready();
      return sendJson(res, ok ? 200 : 503, body);
    }
    const calendarFeed = CALENDAR_FEED_PATH.exec(url.pathname);
    if (calendarFeed && req.method === 'GET') return serveCalendarFeed(calendarFeed[1]!, req, res);
    const twilioWebhook = twilioWebhookKind(url.pathname);
    if (twilioWebhook) return handleTwilioWebhook(twilioWebhook, req, res, { authToken: config.twilioAuthToken, publicApiUrl: config.publicApiUrl, execute, log });
    if (url.pathname !== '/graphql') return sendGraphQLError(res, 404, new DomainError('NOT_FOUND', `No route ${url.pathname}.`));

    const requestId = newRequestId(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    let user;
    try {
      user = await claimsFromAuthorization(req.headers.authorization, config.jwtSecret);
    } catch (error) {
      if (error instanceof DomainError) return sendGraphQLError(res, 401, error, { requestId });
      throw error;
    }
    if (user && !(await touchSession(publisher, user.sid))) {
      return sendGraphQLError(res, 401, new DomainError('UNAUTHENTICATED', 'Your session has ended (signed out or idle for 15 minutes); sign in again.'), { requestId });
    }
    const retryAfter = await rateLimit(req.socket.remoteAddress ?? 'unknown', user?.sub);
    if (retryAfter !== null) {
      res.setHeader('retry-after', String(retryAfter));
      return sendGraphQLError(res, 429, new DomainError('RATE_LIMITED', `Too many requests; try again in ${retryAfter} s.`), { requestId });
    }
    let body: unknown;
    try {
      body = req.method === 'POST' ? await readJsonBody(req) : undefined;
    } catch (error) {
      if (error instanceof DomainError) return sendGraphQLError(res, Number(error.details?.status ?? 400), error, { requestId });
      throw error;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const context: RouterContext = {
      requestId,
      user,
      log: log.child({ requestId }),
      ip: req.socket.remoteAddress ?? null,
      userAgent: req.headers['user-agent']?.slice(0, 512) ?? null,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  const subscriptions = attachSubscriptionServer({
    httpServer,
    getSchema: () => {
      if (!apiSchema) throw new GraphQLError('The router is still loading its schema.');
      return apiSchema;
    },
    execute,
    pubsub,
    sessions: publisher,
    jwtSecret: config.jwtSecret,
    log,
    validationRules: subscriptionLimitRules(),
    maxTokens: QUERY_LIMITS.maxTokens,
  });

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const address = httpServer.address() as AddressInfo;
  const url = `http://${host}:${address.port}/graphql`;
  log.info({ url }, 'router ready');
  return {
    url,
    close: async () => {
      await subscriptions.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await apollo.stop();
      await pubsub.close();
    },
  };
}

/** Armor's refusals keep their own codes even where Apollo labels them as validation or parse failures. */
function limitCode(formatted: { message: string }, error: unknown): string | undefined {
  const original = (error as { originalError?: { extensions?: { code?: unknown } } })?.originalError;
  const code = original?.extensions?.code ?? (error as { extensions?: { code?: unknown } })?.extensions?.code;
  if (typeof code === 'string' && (Object.values(LIMIT_CODES) as string[]).includes(code)) return code;
  if (/Token limit of \d+ exceeded/.test(formatted.message)) return LIMIT_CODES.tokens;
  return undefined;
}

function pick(source: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (source?.[key] !== undefined) picked[key] = source[key];
  return picked;
}
