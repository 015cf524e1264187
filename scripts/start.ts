// `npm start`: PostgreSQL and Redis (local unless given), migrations, demo data, then every service
// with prefixed logs. Ctrl-C stops them all, and the local databases with them.
import { ROUTER_PORT, SUBGRAPH_NAMES } from '@solace/server-kit';
import concurrently from 'concurrently';

import { resolve } from 'node:path';
import { prepareDatabase } from './db/migrate';
import { ensureLocalServices } from './local-services';
import { startLocalS3 } from './infra/s3';
import { buildWebIfStale } from './web-build';
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_PORTAL_CLIENT, seedDemo } from '../prisma/seed';

const ROOT = resolve(__dirname, '..');
const WEB_PORT = Number(process.env.WEB_PORT ?? 3000);

async function main() {
  const services = ensureLocalServices('dev');
  // Client documents: a local S3-compatible server unless SOLACE_S3_ENDPOINT names one.
  const s3 = process.env.SOLACE_S3_ENDPOINT ? null : await startLocalS3({ dataDir: '.data/dev-s3', port: 4569 });
  if (s3) process.env.SOLACE_S3_ENDPOINT = s3.url;
  const env = { ...process.env, DATABASE_URL: services.databaseUrl, DATABASE_OWNER_URL: services.ownerDatabaseUrl, REDIS_URL: services.redisUrl, NODE_ENV: process.env.NODE_ENV ?? 'development', LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty' };
  Object.assign(process.env, { DATABASE_URL: services.databaseUrl, DATABASE_OWNER_URL: services.ownerDatabaseUrl });
  await prepareDatabase({ ownerUrl: services.ownerDatabaseUrl, appUrl: services.databaseUrl });
  console.log(`[seed] ${await seedDemo(services.ownerDatabaseUrl)} demo practice`);
  buildWebIfStale();

  const node = 'node -r @swc-node/register';
  const routerUrl = `http://localhost:${ROUTER_PORT}/graphql`;
  const { result, commands } = concurrently(
    [
      ...SUBGRAPH_NAMES.map((name) => ({ name, command: `${node} subgraphs/${name}/src/main.ts`, env })),
      { name: 'router', command: `${node} router/src/main.ts`, env: { ...env, SOLACE_WEB_ORIGINS: `http://localhost:${WEB_PORT},http://127.0.0.1:${WEB_PORT}` } },
      { name: 'worker', command: `${node} workers/src/main.ts`, env },
      { name: 'web', command: 'node web/.output/server/index.mjs', env: { ...env, PORT: String(WEB_PORT), NUXT_PUBLIC_ROUTER_URL: routerUrl } },
    ],
    { prefix: 'name', cwd: ROOT, killOthersOn: ['failure'], prefixColors: 'auto' },
  );

  void announceWhenReady(routerUrl);
  const stopAll = () => commands.forEach((command) => command.kill('SIGTERM'));
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
  await result.catch(() => undefined);
  services.stop();
  await s3?.stop();
  console.log('Solace stopped.');
}

async function announceWhenReady(routerUrl: string) {
  const readyUrl = routerUrl.replace(/\/graphql$/, '/ready');
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(readyUrl)).ok) {
        console.log(
          [
            '',
            '  Solace is running.',
            `  Web app:  http://localhost:${WEB_PORT}`,
            `  GraphQL:  ${routerUrl}  (subscriptions: ${routerUrl.replace(/^http/, 'ws')})`,
            `  Mailbox:  ${resolve(ROOT, '.mailbox')}  (local email provider)`,
            `  Demo logins (password ${DEMO_PASSWORD}):`,
            ...DEMO_LOGINS.map((login) => `    ${login.email.padEnd(26)} ${login.roles.join(', ')}`),
            '  Two-step verification is optional in the demo practice only; practices made with `npm run practice:create` require it.',
            `  Client portal: http://localhost:${WEB_PORT}/portal/sign-in as ${DEMO_PORTAL_CLIENT} (the code arrives in the mailbox)`,
            '  Ctrl-C stops everything.',
            '',
          ].join('\n'),
        );
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error('The router did not become ready within two minutes; see the logs above.');
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

