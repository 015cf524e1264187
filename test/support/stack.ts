// The whole federated stack in one test process: seven subgraphs and the router on free ports,
// against the test run's real PostgreSQL and Redis.
import { startRouter, type RateLimits } from '@solace/router';
import { createLogger, createSubgraphDeps, loadConfig, startSubgraph, type SubgraphName } from '@solace/server-kit';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SUBGRAPHS } from '../../scripts/subgraphs';

export interface TestStack {
  routerUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  stop(): Promise<void>;
}

export async function startStack(options: { allowedOrigins?: string[]; rateLimits?: RateLimits } = {}): Promise<TestStack> {
  const config = loadConfig();
  const stops: Array<() => Promise<void>> = [];
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const env: NodeJS.ProcessEnv = {};
  for (const definition of SUBGRAPHS) {
    const deps = createSubgraphDeps(definition.name, config);
    const running = await startSubgraph(definition, deps, 0);
    subgraphUrls[definition.name] = running.url;
    env[`SUBGRAPH_${definition.name.toUpperCase()}_URL`] = running.url;
    stops.push(async () => {
      await running.close();
      await deps.close();
    });
  }
  const router = await startRouter(
    {
      supergraphSdl: readFileSync(resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8'),
      config,
      log: createLogger('router'),
      allowedOrigins: options.allowedOrigins ?? [],
      // Every test shares 127.0.0.1 and one Redis: per-IP limits would couple unrelated tests, so
      // they are lifted unless a test sets its own (router-protection.int.test.ts does).
      rateLimits: options.rateLimits ?? { perIpPerMinute: 1_000_000, perUserPerMinute: 1_000_000 },
      env,
    },
    0,
  );
  return {
    routerUrl: router.url,
    subgraphUrls,
    stop: async () => {
      await router.close();
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}
