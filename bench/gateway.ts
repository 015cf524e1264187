// `npm run bench:gateway` (not a test): the cost of the router. Seeds 20k appointments, starts the
// subgraphs and the router as separate processes (as in production), then with autocannon measures
//   (a) a single-subgraph query through the router vs. sent directly to the subgraph, signed;
//   (b) the cross-subgraph Today query (appointments + patients + identity) through the router.
// Prints requests/s and p50/p95/p99 latency, and the router/direct ratios.
import autocannon from 'autocannon';
import { ROUTER_PORT, SUBGRAPH_NAMES, SUBGRAPH_PORTS, createRedis, loadConfig, signAccessToken, signIdentity, startSessionLiveness } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { prepareDatabase } from '../scripts/db/migrate';
import { ensureLocalServices } from '../scripts/local-services';
import { seedVolume } from './seed-volume';

const ROOT = resolve(__dirname, '..');
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
// Ports apart from `npm start`'s so a running demo does not get in the way.
const PORT_OFFSET = 100;

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(name: string, url: string, headers: Record<string, string>, body: unknown, duration = DURATION_SECONDS): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolveRun, rejectRun) => {
    const options = {
      url,
      method: 'POST' as const,
      connections: CONNECTIONS,
      duration,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    };
    const instance = autocannon(options, (error, finished) => (error ? rejectRun(error) : resolveRun(finished)));
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode !== 200) errors++;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors + result.non2xx,
  };
}

/** Checks the response once, so the benchmark never measures an error page. */
async function assertWorks(url: string, headers: Record<string, string>, body: unknown, path: (data: any) => unknown[]) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = (await response.json()) as { data?: any; errors?: unknown };
  if (json.errors || path(json.data).length === 0) throw new Error(`Benchmark query failed at ${url}: ${JSON.stringify(json).slice(0, 500)}`);
}

async function waitForReady(url: string) {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not become ready`);
}

async function main() {
  // A fresh local database every run, so runs measure the same volume (20k appointments, not 20k
  // more each time) and their figures can be compared.
  if (!process.env.DATABASE_URL && !process.env.DATABASE_OWNER_URL) rmSync(resolve(ROOT, '.data/bench-postgres'), { recursive: true, force: true });
  const services = ensureLocalServices('bench');
  const children: ChildProcess[] = [];
  try {
    await prepareDatabase({ ownerUrl: services.ownerDatabaseUrl, appUrl: services.databaseUrl }, () => undefined);
    console.log('Seeding 20,000 appointments…');
    const bench = await seedVolume(services.ownerDatabaseUrl);
    // The benchmark measures throughput, so the per-IP and per-user rate limits are lifted for it.
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, NODE_ENV: 'production-bench', LOG_LEVEL: 'warn', SOLACE_RATE_LIMIT_IP_PER_MINUTE: '100000000', SOLACE_RATE_LIMIT_USER_PER_MINUTE: '100000000' };
    for (const name of SUBGRAPH_NAMES) env[`SUBGRAPH_${name.toUpperCase()}_URL`] = `http://127.0.0.1:${SUBGRAPH_PORTS[name] + PORT_OFFSET}/graphql`;
    const start = (script: string, port: number) => {
      const child = spawn('node', ['-r', '@swc-node/register', script], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
    };
    for (const name of SUBGRAPH_NAMES) start(`subgraphs/${name}/src/main.ts`, SUBGRAPH_PORTS[name] + PORT_OFFSET);
    start('router/src/main.ts', ROUTER_PORT + PORT_OFFSET);
    const routerUrl = `http://127.0.0.1:${ROUTER_PORT + PORT_OFFSET}/graphql`;
    await waitForReady(routerUrl.replace('/graphql', '/ready'));

    const config = loadConfig();
    const claims = { sub: bench.clinicianIds[0]!, practiceId: bench.practiceId, roles: ['CLINICIAN' as const, 'ADMIN' as const], sid: randomUUID() };
    const redis = createRedis(services.redisUrl);
    await startSessionLiveness(redis, claims.sid);
    redis.disconnect();
    const { token } = await signAccessToken(claims, config.jwtSecret, 3600);
    const bearer = { authorization: `Bearer ${token}` };
    const signed = () => signIdentity({ user: { ...claims, exp: Math.floor(Date.now() / 1000) + 3600 }, requestId: 'bench' }, config.internalSecret);

    const clientsQuery = { query: '{ clients(limit: 20) { id firstName lastName dateOfBirth status } }' };
    const from = bench.busiestDay;
    const to = new Date(from.getTime() + 86_400_000);
    const todayQuery = {
      query: `query Today($from: DateTimeISO!, $to: DateTimeISO!, $clinicianId: ID) {
        appointments(from: $from, to: $to, clinicianId: $clinicianId) { id startsAt endsAt status client { id firstName lastName } clinician { displayName } }
      }`,
      variables: { from: from.toISOString(), to: to.toISOString(), clinicianId: bench.clinicianIds[0] },
    };
    const patientsUrl = env.SUBGRAPH_PATIENTS_URL!;
    await assertWorks(routerUrl, bearer, clientsQuery, (d) => d.clients);
    await assertWorks(patientsUrl, signed(), clientsQuery, (d) => d.clients);
    await assertWorks(routerUrl, bearer, todayQuery, (d) => d.appointments);

    console.log(`Measuring: ${CONNECTIONS} connections, ${DURATION_SECONDS} s each, 2-core machine shared by load generator and services.`);
    // The direct run signs once; signatures stay fresh for 60 s, longer than one run.
    // Warm-up (JIT, connection pools, PostgreSQL's caches after the seed), not recorded.
    for (const [url, headers, body] of [[patientsUrl, signed(), clientsQuery], [routerUrl, bearer, clientsQuery], [routerUrl, bearer, todayQuery]] as const) {
      await measure('warm-up', url, headers, body, 3);
    }
    const direct = await measure('(a) clients → patients subgraph directly', patientsUrl, signed(), clientsQuery);
    const routed = await measure('(a) clients → through the router', routerUrl, bearer, clientsQuery);
    const today = await measure('(b) Today (3 subgraphs) → router', routerUrl, bearer, todayQuery);

    console.log('\n| scenario | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|');
    for (const f of [direct, routed, today]) {
      console.log(`| ${f.name} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.errors} |`);
    }
    console.log(`\nrouter/direct throughput ratio (a): ${(routed.requestsPerSecond / direct.requestsPerSecond).toFixed(2)}`);
    console.log(`router/direct p50 latency ratio (a): ${(routed.p50 / direct.p50).toFixed(2)}`);
    console.log(`Today query vs single-subgraph query through the router, throughput: ${(today.requestsPerSecond / routed.requestsPerSecond).toFixed(2)}`);
  } finally {
    children.forEach((child) => child.kill('SIGTERM'));
    services.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
