import { createLogger, loadConfig, ROUTER_PORT } from '@solace/server-kit';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rateLimitsFromEnv } from './rate-limit';
import { startRouter } from './router';

async function main() {
  const log = createLogger('router');
  const supergraphSdl = readFileSync(resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
  const router = await startRouter(
    {
      supergraphSdl,
      config: loadConfig(),
      log,
      rateLimits: rateLimitsFromEnv(process.env),
      allowedOrigins: (process.env.SOLACE_WEB_ORIGINS ?? 'http://localhost:3000,http://127.0.0.1:3000').split(',').map((o) => o.trim()),
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
