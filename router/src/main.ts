import { createLogger, loadConfig, ROUTER_PORT } from '@solace/server-kit';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rateLimitsFromEnv } from './rate-limit';
import { startRouter } from './router';

async function main() {
  const log = createLogger('router');
  const config = loadConfig();
  const supergraphSdl = readFileSync(resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
  const router = await startRouter(
    {
      supergraphSdl,
      config,
      log,
      rateLimits: rateLimitsFromEnv(process.env),
      allowedOrigins: config.webOrigins,
    },
    Number(process.env.PORT ?? ROUTER_PORT),
    process.env.HOST ?? '127.0.0.1',
  );
  const shutdown = async () => {
    await router.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

void main();
