// `npm run bench:schedule` (not a test): the practice diary at group-practice volume — 50 clinicians,
// 50,000 clients, 200,000 appointments (bench/seed-schedule.ts) — through the router:
//   (a) client search as staff type it (names, some with typos), the autocomplete's query;
//   (b) a clinician's week view (appointments with client and clinician names: three subgraphs);
//   (c) availability of one service across all clinicians for four weeks (availableSlots, a slot per object);
//   (d) the same searches grouped by clinician (availabilityByClinician: the same slots, starts per clinician);
//   (e) the public booking page's "anyone" week (onlineAvailabilityByClinician, no token).
// Prints requests/s and p50/p95/p99 latency for each, and p95 as a multiple of a trivial query's
// measured in the same run.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertWorks, BASELINE_QUERY, CONNECTIONS, DURATION_SECONDS, measure, printFigures, startBenchStack, type Figures } from './harness';
import { seedSchedule } from './seed-schedule';

const API = readFileSync(resolve(__dirname, '../schema/api.graphql'), 'utf8');
const has = (field: string) => new RegExp(`^\\s+${field}\\(`, 'm').test(API);

async function main() {
  console.log('Seeding 50 clinicians, 50,000 clients and 200,000 appointments…');
  const started = Date.now();
  const stack = await startBenchStack(seedSchedule);
  try {
    const group = stack.seeded;
    console.log(`Seeded and started in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    const bearer = await stack.bearerFor({ sub: group.clinicianIds[0]!, practiceId: group.practiceId, roles: ['ADMIN', 'CLINICIAN', 'FRONT_DESK'] });
    const url = stack.routerUrl;
    const results: Figures[] = [];

    // (a) The fuzzy search when the API has it; the plain name filter otherwise.
    const search = has('searchClients')
      ? group.searchTerms.map((term) => ({ query: 'query ($q: String!) { searchClients(query: $q, limit: 10) { id firstName lastName } }', variables: { q: term } }))
      : group.searchTerms.map((term) => ({ query: 'query ($q: String!) { clients(search: $q, limit: 10) { id firstName lastName } }', variables: { q: term.split(' ')[1] } }));
    const searchName = has('searchClients') ? '(a) client search (searchClients, typo-tolerant)' : '(a) client search (clients(search), exact substring — searchClients not in the API yet)';
    await assertWorks(url, bearer, search[0], (d) => d.searchClients ?? d.clients);

    // (b) Week views of different clinicians and weeks.
    const weeks = Array.from({ length: 40 }, (_, i) => {
      const monday = new Date(group.firstMonday.getTime() + ((i * 7) % group.weeks) * 7 * 86_400_000);
      return {
        query: `query Week($from: DateTimeISO!, $to: DateTimeISO!, $clinicianId: ID) {
          appointments(from: $from, to: $to, clinicianId: $clinicianId) { id startsAt endsAt status client { id firstName lastName } clinician { displayName } }
        }`,
        variables: { from: monday.toISOString(), to: new Date(monday.getTime() + 7 * 86_400_000).toISOString(), clinicianId: group.clinicianIds[i % group.clinicianIds.length] },
      };
    });
    await assertWorks(url, bearer, weeks[0], (d) => d.appointments);

    // (c) Four weeks of free slots for one service across all 50 clinicians, starting in different weeks ahead.
    const thisMonday = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - new Date().getUTCDay() + 1));
    const availability = Array.from({ length: 8 }, (_, i) => {
      const from = new Date(thisMonday.getTime() + (i + 1) * 7 * 86_400_000);
      return {
        query: 'query Free($serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availableSlots(serviceId: $serviceId, from: $from, to: $to) { startsAt clinician { id } } }',
        variables: { serviceId: group.serviceId, from: from.toISOString(), to: new Date(from.getTime() + 28 * 86_400_000).toISOString() },
      };
    });
    await assertWorks(url, bearer, availability[0], (d) => d.availableSlots);
    const grouped = availability.map(({ variables }) => ({
      query: 'query Free($serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availabilityByClinician(serviceId: $serviceId, from: $from, to: $to) { clinician { id } durationMinutes starts } }',
      variables,
    }));
    await assertWorks(url, bearer, grouped[0], (d) => d.availabilityByClinician);
    // The booking page asks a week at a time from now, for anyone, without a token.
    const bookingWeeks = Array.from({ length: 4 }, (_, i) => {
      const from = new Date(Date.now() + i * 7 * 86_400_000);
      return {
        query: 'query OnlineAvailability($practiceId: ID!, $serviceId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { onlineAvailabilityByClinician(practiceId: $practiceId, serviceId: $serviceId, from: $from, to: $to) { clinician { id displayName } durationMinutes starts } }',
        variables: { practiceId: group.practiceId, serviceId: group.serviceId, from: from.toISOString(), to: new Date(from.getTime() + 7 * 86_400_000).toISOString() },
      };
    });
    await assertWorks(url, {}, bookingWeeks[0], (d) => d.onlineAvailabilityByClinician);

    console.log(`Measuring: ${CONNECTIONS} connections, ${DURATION_SECONDS} s each, 2-core machine shared by load generator and services.`);
    await measure('warm-up', url, bearer, search, 3);
    await measure('warm-up', url, bearer, weeks, 3);
    await measure('warm-up', url, bearer, availability, 3);
    await measure('warm-up', url, bearer, grouped, 3);
    await measure('warm-up', url, {}, bookingWeeks, 3);
    const baseline = await measure('baseline: { me { id } } (router + identity)', url, bearer, BASELINE_QUERY);
    results.push(await measure(searchName, url, bearer, search));
    results.push(await measure('(b) a clinician’s week view (3 subgraphs)', url, bearer, weeks));
    results.push(await measure('(c) availability, 1 service × 50 clinicians × 4 weeks (availableSlots, flat)', url, bearer, availability));
    results.push(await measure('(d) the same, grouped by clinician (availabilityByClinician)', url, bearer, grouped));
    results.push(await measure('(e) booking page: anyone, one week (onlineAvailabilityByClinician, public)', url, {}, bookingWeeks));
    printFigures(results, baseline);
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
