// `npm run bench:gateway` (not a test): the cost of the router. Seeds 20k appointments, starts the
// subgraphs and the router as separate processes (as in production), then with autocannon measures
//   (a) a single-subgraph query through the router vs. sent directly to the subgraph, signed;
//   (b) the cross-subgraph Today query (appointments + patients + identity) through the router.
// Prints requests/s and p50/p95/p99 latency, and the router/direct ratios.
import { loadConfig, signIdentity } from '@solace/server-kit';
import { assertWorks, CONNECTIONS, DURATION_SECONDS, measure, printFigures, startBenchStack } from './harness';
import { seedVolume } from './seed-volume';

async function main() {
  console.log('Seeding 20,000 appointments…');
  const stack = await startBenchStack(seedVolume);
  try {
    const bench = stack.seeded;
    const routerUrl = stack.routerUrl;
    const config = loadConfig();
    const claims = { sub: bench.clinicianIds[0]!, practiceId: bench.practiceId, roles: ['CLINICIAN' as const, 'ADMIN' as const] };
    const bearer = await stack.bearerFor(claims);
    const signed = () => signIdentity({ user: { ...claims, sid: 'bench', exp: Math.floor(Date.now() / 1000) + 3600 }, requestId: 'bench' }, config.internalSecret);

    const clientsQuery = { query: '{ clients(limit: 20) { id firstName lastName dateOfBirth status } }' };
    const from = bench.busiestDay;
    const to = new Date(from.getTime() + 86_400_000);
    const todayQuery = {
      query: `query Today($from: DateTimeISO!, $to: DateTimeISO!, $clinicianId: ID) {
        appointments(from: $from, to: $to, clinicianId: $clinicianId) { id startsAt endsAt status client { id firstName lastName } clinician { displayName } }
      }`,
      variables: { from: from.toISOString(), to: to.toISOString(), clinicianId: bench.clinicianIds[0] },
    };
    const patientsUrl = stack.subgraphUrl('patients');
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

    printFigures([direct, routed, today]);
    console.log(`\nrouter/direct throughput ratio (a): ${(routed.requestsPerSecond / direct.requestsPerSecond).toFixed(2)}`);
    console.log(`router/direct p50 latency ratio (a): ${(routed.p50 / direct.p50).toFixed(2)}`);
    console.log(`Today query vs single-subgraph query through the router, throughput: ${(today.requestsPerSecond / routed.requestsPerSecond).toFixed(2)}`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
