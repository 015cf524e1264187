// Environment shared by every service. Local defaults match scripts/start.ts; production sets
// every secret explicitly (startup fails when a default secret is used with NODE_ENV=production).
const DEV_JWT_SECRET = 'solace-dev-jwt-secret-change-me-0000000000';
const DEV_INTERNAL_SECRET = 'solace-dev-internal-secret-change-me-000000';

export interface ServerConfig {
  /** The services' connection: a role subject to row-level security (solace_app or a member of it). */
  databaseUrl: string;
  /** The tables' owner: migrations, provisioning and key rotation (DATABASE_OWNER_URL). */
  ownerDatabaseUrl: string;
  redisUrl: string;
  jwtSecret: string;
  internalSecret: string;
  production: boolean;
  /** Where the web app is served (SOLACE_WEB_ORIGINS): CORS, and the origins passkeys are bound to. */
  webOrigins: string[];
  /** The WebAuthn relying-party id passkeys are created for: SOLACE_PASSKEY_RP_ID, else the first web origin's domain. */
  passkeyRpId: string;
  /** Where the router is reachable from outside (SOLACE_PUBLIC_API_URL): links such as calendar feeds. */
  publicApiUrl: string;
  /**
   * Twilio's auth token (TWILIO_AUTH_TOKEN): the router checks X-Twilio-Signature on
   * /webhooks/twilio/* with it. null: the webhooks answer 503 (not configured).
   */
  twilioAuthToken: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production';
  const webOrigins = (env.SOLACE_WEB_ORIGINS ?? 'http://localhost:3000,http://127.0.0.1:3000').split(',').map((origin) => origin.trim()).filter(Boolean);
  const config: ServerConfig = {
    databaseUrl: env.DATABASE_URL ?? 'postgresql://solace_app@127.0.0.1:54329/solace',
    ownerDatabaseUrl: env.DATABASE_OWNER_URL ?? 'postgresql://postgres@127.0.0.1:54329/solace',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:63799',
    jwtSecret: env.SOLACE_JWT_SECRET ?? DEV_JWT_SECRET,
    internalSecret: env.SOLACE_INTERNAL_SECRET ?? DEV_INTERNAL_SECRET,
    production,
    webOrigins,
    passkeyRpId: env.SOLACE_PASSKEY_RP_ID ?? rpIdFromOrigins(webOrigins),
    publicApiUrl: (env.SOLACE_PUBLIC_API_URL ?? 'http://localhost:4000').replace(/\/$/, ''),
    twilioAuthToken: env.TWILIO_AUTH_TOKEN || null,
  };
  if (production && (config.jwtSecret === DEV_JWT_SECRET || config.internalSecret === DEV_INTERNAL_SECRET)) {
    throw new Error('SOLACE_JWT_SECRET and SOLACE_INTERNAL_SECRET must be set in production.');
  }
  return config;
}

/**
 * The first web origin's domain. WebAuthn accepts no IP address as relying-party id, so origins
 * like http://127.0.0.1:3000 are skipped (passkeys work there only under a domain name).
 */
function rpIdFromOrigins(origins: string[]): string {
  for (const origin of origins) {
    try {
      const { hostname } = new URL(origin);
      if (!/^[\d.]+$/.test(hostname) && !hostname.startsWith('[')) return hostname;
    } catch {
      // not a URL: CORS ignores it too
    }
  }
  return 'localhost';
}

/** Where each subgraph listens by default; the router and scripts read the same table. */
export const SUBGRAPH_PORTS = {
  identity: 4001,
  patients: 4002,
  appointments: 4003,
  notes: 4004,
  billing: 4005,
  portal: 4006,
  analytics: 4007,
} as const;

export type SubgraphName = keyof typeof SUBGRAPH_PORTS;
export const SUBGRAPH_NAMES = Object.keys(SUBGRAPH_PORTS) as SubgraphName[];
export const ROUTER_PORT = 4000;

export function subgraphUrl(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`SUBGRAPH_${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${SUBGRAPH_PORTS[name]}/graphql`;
}

/** Where the router takes Twilio's webhooks (under publicApiUrl); the SMS provider names the status one to Twilio. */
export const TWILIO_WEBHOOK_PATHS = { sms: '/webhooks/twilio/sms', status: '/webhooks/twilio/status' } as const;
