// Where one availability request's time goes (not a test, not a load run): `node -r @swc-node/register
// bench/profile-availability.ts`. Seeds the schedule bench's 50 clinicians with a lighter history
// (the next weeks are as full as in bench:schedule), starts the stack as separate processes, and
// times single requests one after another, each stage on its own:
//   service   AvailabilityService in this process (database reads + slot finding), no GraphQL;
//   subgraph  the same query straight to the appointments subgraph (signed as the router signs it);
//   router    through the router (query planning, the subgraph fetch, any entity fetches, the JSON).
// With PROFILE_CPU_DIR set, the services also record V8 CPU profiles (cpu-profile.cjs) of 30 more
// requests of each flat and grouped query, written there per process and query.
import { createPrismaClient, createRedis, loadConfig, runInPracticeScope, signIdentity, SlotHolds } from '@solace/server-kit';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { CatalogRepository } from '../subgraphs/appointments/src/catalog/catalog.repository';
import { CatalogService } from '../subgraphs/appointments/src/catalog/catalog.service';
import { CalendarConnectionRepository } from '../subgraphs/appointments/src/calendar-sync/calendar-connection.repository';
import { ClinicianHoursRepository } from '../subgraphs/appointments/src/clinician-hours/clinician-hours.repository';
import { SchedulingPolicyRepository } from '../subgraphs/appointments/src/scheduling-policy/scheduling-policy.repository';
import { AvailabilityRepository } from '../subgraphs/appointments/src/availability/availability.repository';
import { AvailabilityService } from '../subgraphs/appointments/src/availability/availability.service';
import { startBenchStack } from './harness';
import { seedSchedule } from './seed-schedule';

const RUNS = Number(process.env.PROFILE_RUNS ?? 25);

async function timed(run: () => Promise<unknown>): Promise<{ median: number; p90: number }> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p90: times[Math.floor(times.length * 0.9)]! };
}

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<number> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`${url}: ${text.slice(0, 300)}`);
  return text.length;
}

async function main() {
  if (process.env.PROFILE_CPU_DIR) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${resolve(__dirname, 'cpu-profile.cjs')}`.trim();
  const stack = await startBenchStack((url) => seedSchedule(url, { clinicians: 50, clients: 2_000, appointments: 40_000 }));
  delete process.env.NODE_OPTIONS;
  try {
    const group = stack.seeded;
    const bearer = await stack.bearerFor({ sub: group.clinicianIds[0]!, practiceId: group.practiceId, roles: ['ADMIN', 'CLINICIAN', 'FRONT_DESK'] });
    const config = loadConfig();
    const user = { sub: group.clinicianIds[0]!, practiceId: group.practiceId, roles: ['ADMIN', 'CLINICIAN', 'FRONT_DESK'] as const, sid: randomUUID(), exp: Math.floor(Date.now() / 1000) + 3600 };
    const signed = () => signIdentity({ user: { ...user, roles: [...user.roles] }, requestId: randomUUID() }, config.internalSecret);
    const anonymous = () => signIdentity({ user: null, requestId: randomUUID() }, config.internalSecret);
    const today = new Date();
    const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - today.getUTCDay() + 8));
    const window = { serviceId: group.serviceId, from: monday.toISOString(), to: new Date(monday.getTime() + 28 * 86_400_000).toISOString() };
    const online = { practiceId: group.practiceId, ...window };

    const prisma = createPrismaClient(stack.services.databaseUrl, { poolSize: 4 });
    const redis = createRedis(stack.services.redisUrl);
    const service = new AvailabilityService(
      new AvailabilityRepository(prisma),
      new ClinicianHoursRepository(prisma),
      new CatalogService(new CatalogRepository(prisma)),
      new SchedulingPolicyRepository(prisma),
      new SlotHolds(redis),
      new CalendarConnectionRepository(prisma),
    );
    const search = { serviceId: group.serviceId, from: new Date(window.from), to: new Date(window.to) };
    const slotCount = (await runInPracticeScope(group.practiceId, () => service.slots(group.practiceId, search))).slots.length;
    const reads = new AvailabilityRepository(prisma);
    const hours = new ClinicianHoursRepository(prisma);

    const rows: string[] = [];
    const row = (stage: string, t: { median: number; p90: number }, bytes?: number) =>
      rows.push(`| ${stage} | ${t.median.toFixed(1)} | ${t.p90.toFixed(1)} | ${bytes === undefined ? '' : (bytes / 1024).toFixed(0)} |`);

    row('service: database reads only (practice, clinicians, hours, exceptions, appointments)', await timed(() => runInPracticeScope(group.practiceId, async () => {
      const clinicians = await reads.clinicians(group.practiceId);
      const ids = clinicians.map((c) => c.id);
      await Promise.all([reads.practice(group.practiceId), hours.weeklyHours(group.practiceId, ids), hours.exceptions(group.practiceId, ids, search.from, search.to), reads.busyAppointments(group.practiceId, ids, search.from, search.to)]);
    })));
    const ids = (await runInPracticeScope(group.practiceId, () => reads.clinicians(group.practiceId))).map((c) => c.id);
    row('service: busyAppointments alone', await timed(() => runInPracticeScope(group.practiceId, () => reads.busyAppointments(group.practiceId, ids, search.from, search.to))));
    row('service: catalog + practice + policy + clinicians (sequential)', await timed(() => runInPracticeScope(group.practiceId, async () => {
      await new CatalogService(new CatalogRepository(prisma)).activeService(group.practiceId, group.serviceId);
      await Promise.all([reads.practice(group.practiceId), new SchedulingPolicyRepository(prisma).get(group.practiceId), reads.clinicians(group.practiceId)]);
    })));
    row('service: slots() (reads + slot finding + flat sort)', await timed(() => runInPracticeScope(group.practiceId, () => service.slots(group.practiceId, search))));
    row('service: slotsByClinician()', await timed(() => runInPracticeScope(group.practiceId, () => service.slotsByClinician(group.practiceId, search))));

    const subgraph = stack.subgraphUrl('appointments');
    const scenarios: { name: string; body: unknown; subgraphBody?: unknown; publicCall?: boolean }[] = [
      {
        name: 'availableSlots { startsAt clinician { id } } (the bench query)',
        body: { query: 'query ($serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availableSlots(serviceId: $serviceId, from: $from, to: $to) { startsAt clinician { id } } }', variables: window },
      },
      {
        name: 'availableSlots { startsAt endsAt clinician { id displayName } } (staff find-a-time)',
        body: { query: 'query ($serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availableSlots(serviceId: $serviceId, from: $from, to: $to) { startsAt endsAt clinician { id displayName } } }', variables: window },
        subgraphBody: { query: 'query ($serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availableSlots(serviceId: $serviceId, from: $from, to: $to) { startsAt endsAt clinician { __typename id } } }', variables: window },
      },
      {
        name: 'availabilityByClinician { clinician { id } durationMinutes starts }',
        body: { query: 'query ($serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availabilityByClinician(serviceId: $serviceId, from: $from, to: $to) { clinician { id } durationMinutes starts } }', variables: window },
      },
      {
        name: 'availabilityByClinician { clinician { id displayName } durationMinutes starts }',
        body: { query: 'query ($serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availabilityByClinician(serviceId: $serviceId, from: $from, to: $to) { clinician { id displayName } durationMinutes starts } }', variables: window },
        subgraphBody: { query: 'query ($serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availabilityByClinician(serviceId: $serviceId, from: $from, to: $to) { clinician { __typename id } durationMinutes starts } }', variables: window },
      },
      {
        name: 'onlineSlots { clinicianId clinicianName startsAt endsAt } (public)',
        body: { query: 'query ($practiceId: ID!, $serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { onlineSlots(practiceId: $practiceId, serviceId: $serviceId, from: $from, to: $to) { clinicianId clinicianName startsAt endsAt } }', variables: online },
        publicCall: true,
      },
      {
        name: 'onlineAvailabilityByClinician { clinician { id displayName } durationMinutes starts } (public)',
        body: { query: 'query ($practiceId: ID!, $serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { onlineAvailabilityByClinician(practiceId: $practiceId, serviceId: $serviceId, from: $from, to: $to) { clinician { id displayName } durationMinutes starts } }', variables: online },
        publicCall: true,
      },
    ];
    for (const scenario of scenarios) {
      const bytes = await post(stack.routerUrl, scenario.publicCall ? {} : bearer, scenario.body);
      row(`subgraph direct: ${scenario.name}`, await timed(() => post(subgraph, scenario.publicCall ? anonymous() : signed(), scenario.subgraphBody ?? scenario.body)), await post(subgraph, scenario.publicCall ? anonymous() : signed(), scenario.subgraphBody ?? scenario.body));
      row(`router: ${scenario.name}`, await timed(() => post(stack.routerUrl, scenario.publicCall ? {} : bearer, scenario.body)), bytes);
    }
    if (process.env.PROFILE_CPU_DIR) {
      // The router and subgraphs are this process's children: signal them by id.
      const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes('@swc-node/register') && (line.includes('/src/main.ts')))
        .map((line) => Number(line.trim().split(/\s+/)[0]));
      const signal = () => children.forEach((pid) => process.kill(pid, 'SIGUSR2'));
      for (const scenario of [scenarios[0]!, scenarios[2]!]) {
        signal();
        for (let i = 0; i < 30; i++) await post(stack.routerUrl, bearer, scenario.body);
        signal();
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    console.log(`\n${slotCount} slots (50 clinicians, 4 weeks); single requests one at a time, ${RUNS} runs after 5 warm-ups.\n`);
    console.log('| stage | median ms | p90 ms | response KiB |\n|---|---:|---:|---:|');
    for (const line of rows) console.log(line);
    redis.disconnect();
    await prisma.$disconnect();
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
