// What the benchmarks share: a fresh local database, the subgraphs and router started as separate
// processes (as in production) on ports apart from `npm start`'s, a bearer token, and autocannon runs
// reduced to requests/s and latency percentiles.
import autocannon from 'autocannon';
import { ROUTER_PORT, SUBGRAPH_NAMES, SUBGRAPH_PORTS, createRedis, loadConfig, signAccessToken, startSessionLiveness, type RoleName } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { prepareDatabase } from '../scripts/db/migrate';
import { ensureLocalServices, type LocalServices } from '../scripts/local-services';

const ROOT = resolve(__dirname, '..');
export const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT_OFFSET = 100;

export interface Figures {
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

/** One autocannon run. `bodies` rotate request by request, so a cache of one answer is not measured. */
export async function measure(name: string, url: string, headers: Record<string, string>, bodies: unknown | unknown[], duration = DURATION_SECONDS): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const rotation = (Array.isArray(bodies) ? bodies : [bodies]).map((body) => JSON.stringify(body));
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolveRun, rejectRun) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration,
        headers: { 'content-type': 'application/json', ...headers },
        requests: [{ setupRequest: (request) => ({ ...request, body: rotation[next++ % rotation.length] }) }],
      },
      (error, finished) => (error ? rejectRun(error) : resolveRun(finished)),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode !== 200) errors++;
    });
  });
  latencies.sort((a, b) => a - b);
  return { name, requestsPerSecond: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors: errors + result.errors + result.non2xx };
}

/**
 * The table of figures; with a baseline (a trivial query through the same router, measured in the
 * same run) each row also gives its p95 as a multiple of the baseline's, which compares across machines.
 */
export function printFigures(rows: Figures[], baseline?: Figures): void {
  const ratio = (f: Figures) => (baseline ? ` ${(f.p95 / baseline.p95).toFixed(1)}× |` : '');
  console.log(`\n| scenario | req/s | p50 ms | p95 ms | p99 ms | errors |${baseline ? ' p95 ÷ baseline |' : ''}\n|---|---:|---:|---:|---:|---:|${baseline ? '---:|' : ''}`);
  for (const f of baseline ? [baseline, ...rows] : rows) {
    console.log(`| ${f.name} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.errors} |${ratio(f)}`);
  }
}

/** The baseline: the signed-in user's id, through the router and one subgraph. */
export const BASELINE_QUERY = { query: '{ me { id } }' };

/**
 * A closed loop for operations that depend on their previous answer (an autosave sends the revision
 * the last save returned): each worker waits for its answer before sending the next.
 */
export async function measureLoop(name: string, workers: Array<() => Promise<boolean>>, duration = DURATION_SECONDS): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + duration * 1000;
  await Promise.all(
    workers.map(async (work) => {
      while (Date.now() < deadline) {
        const started = performance.now();
        const ok = await work().catch(() => false);
        latencies.push(performance.now() - started);
        if (!ok) errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { name, requestsPerSecond: latencies.length / duration, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors };
}

/** Checks a query once, so the benchmark never measures an error page. */
export async function assertWorks(url: string, headers: Record<string, string>, body: unknown, path: (data: any) => unknown[]) {
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

export interface BenchStack {
  services: LocalServices;
  routerUrl: string;
  subgraphUrl(name: (typeof SUBGRAPH_NAMES)[number]): string;
  bearerFor(claims: { sub: string; practiceId: string; roles: RoleName[] }): Promise<Record<string, string>>;
  /** Stops the services first, then the database they use (so none of them sees it vanish). */
  stop(): Promise<void>;
}

/**
 * A fresh local database (so runs measure the same volume and compare), migrated and seeded by
 * `seed`, then every subgraph and the router with rate limits lifted (the runs measure throughput).
 */
export async function startBenchStack<T>(seed: (ownerDatabaseUrl: string) => Promise<T>): Promise<BenchStack & { seeded: T }> {
  if (!process.env.DATABASE_URL && !process.env.DATABASE_OWNER_URL) rmSync(resolve(ROOT, '.data/bench-postgres'), { recursive: true, force: true });
  const services = ensureLocalServices('bench');
  const children: ChildProcess[] = [];
  const stop = async () => {
    const exited = children.filter((child) => child.exitCode === null && child.signalCode === null).map((child) => new Promise((resolveExit) => child.once('exit', resolveExit)));
    children.forEach((child) => child.kill('SIGTERM'));
    await Promise.race([Promise.all(exited), new Promise((resolveWait) => setTimeout(resolveWait, 10_000))]);
    services.stop();
  };
  try {
    await prepareDatabase({ ownerUrl: services.ownerDatabaseUrl, appUrl: services.databaseUrl }, () => undefined);
    const seeded = await seed(services.ownerDatabaseUrl);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, NODE_ENV: 'production-bench', LOG_LEVEL: 'warn', SOLACE_RATE_LIMIT_IP_PER_MINUTE: '100000000', SOLACE_RATE_LIMIT_USER_PER_MINUTE: '100000000' };
    const subgraphUrl = (name: (typeof SUBGRAPH_NAMES)[number]) => `http://127.0.0.1:${SUBGRAPH_PORTS[name] + PORT_OFFSET}/graphql`;
    for (const name of SUBGRAPH_NAMES) env[`SUBGRAPH_${name.toUpperCase()}_URL`] = subgraphUrl(name);
    const start = (script: string, port: number) => children.push(spawn('node', ['-r', '@swc-node/register', script], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] }));
    for (const name of SUBGRAPH_NAMES) start(`subgraphs/${name}/src/main.ts`, SUBGRAPH_PORTS[name] + PORT_OFFSET);
    start('router/src/main.ts', ROUTER_PORT + PORT_OFFSET);
    const routerUrl = `http://127.0.0.1:${ROUTER_PORT + PORT_OFFSET}/graphql`;
    await waitForReady(routerUrl.replace('/graphql', '/ready'));
    const config = loadConfig();
    const bearerFor = async (claims: { sub: string; practiceId: string; roles: RoleName[] }) => {
      const sid = randomUUID();
      const redis = createRedis(services.redisUrl);
      await startSessionLiveness(redis, sid);
      redis.disconnect();
      const { token } = await signAccessToken({ ...claims, sid }, config.jwtSecret, 3600);
      return { authorization: `Bearer ${token}` };
    };
    return { services, routerUrl, subgraphUrl, bearerFor, stop, seeded };
  } catch (error) {
    await stop();
    throw error;
  }
}
