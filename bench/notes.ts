// `npm run bench:notes` (not a test): documentation at group-practice volume — 50 clinicians,
// 20,000 clients, 200,000 notes (bench/seed-notes.ts) — through the router:
//   (a) autosave: editors saving drafts as clinicians type (saveNoteDraft with optimistic locking:
//       each save sends the revision the previous one returned), 10 editors at once;
//   (b) a clinician's unsigned-notes queue (the to-do list, as the web asks for it), ~120 drafts
//       among 4,000 notes of theirs.
// Prints requests/s and p50/p95/p99 latency, and p95 as a multiple of a trivial query's measured in
// the same run.
import { createPrismaClient } from '@solace/server-kit';
import { assertWorks, BASELINE_QUERY, CONNECTIONS, DURATION_SECONDS, measure, measureLoop, printFigures, startBenchStack } from './harness';
import { seedNotes } from './seed-notes';

const QUEUE = `query Unsigned { unsignedNotes { id state serviceDate dueAt daysOverdue returnComment note { id noteType } client { id firstName lastName } } }`;
const SAVE = `mutation Save($id: ID!, $expectedRevision: Int!, $body: String) { saveNoteDraft(id: $id, expectedRevision: $expectedRevision, body: $body) { id revision } }`;
const TYPED = 'Client reports improved sleep since last session; practised the breathing exercise daily. Discussed triggers at work';

async function main() {
  console.log('Seeding 50 clinicians, 20,000 clients and 200,000 notes…');
  const started = Date.now();
  const stack = await startBenchStack(seedNotes);
  try {
    const group = stack.seeded;
    console.log(`Seeded and started in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    const clinicianId = group.clinicianIds[0]!;
    const bearer = await stack.bearerFor({ sub: clinicianId, practiceId: group.practiceId, roles: ['CLINICIAN'] });
    const url = stack.routerUrl;

    // One draft per editor, with the revision it starts from.
    const owner = createPrismaClient(stack.services.ownerDatabaseUrl, { poolSize: 1 });
    const drafts = await owner.clinicalNote.findMany({ where: { appointmentId: { in: group.draftAppointmentIds.slice(0, CONNECTIONS) } }, select: { id: true, revision: true } });
    await owner.$disconnect();
    const editors = drafts.map((draft) => {
      let revision = draft.revision;
      let typed = 0;
      return async () => {
        typed = (typed + 7) % TYPED.length;
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer },
          body: JSON.stringify({ query: SAVE, variables: { id: draft.id, expectedRevision: revision, body: TYPED.slice(0, typed + 1) } }),
        });
        const json = (await response.json()) as { data?: { saveNoteDraft?: { revision: number } }; errors?: unknown };
        if (!json.data?.saveNoteDraft) return false;
        revision = json.data.saveNoteDraft.revision;
        return true;
      };
    });
    if (!(await editors[0]!())) throw new Error('saveNoteDraft failed through the router');
    await assertWorks(url, bearer, { query: QUEUE }, (d) => d.unsignedNotes);

    console.log(`Measuring: ${CONNECTIONS} connections, ${DURATION_SECONDS} s each, 2-core machine shared by load generator and services.`);
    await measure('warm-up', url, bearer, { query: QUEUE }, 3);
    await measureLoop('warm-up', editors, 3);
    const baseline = await measure('baseline: { me { id } } (router + identity)', url, bearer, BASELINE_QUERY);
    const autosave = await measureLoop(`(a) autosave (saveNoteDraft, ${editors.length} editors, closed loop)`, editors);
    const queue = await measure('(b) unsigned-notes queue of a clinician (200k notes in the practice)', url, bearer, { query: QUEUE });
    printFigures([autosave, queue], baseline);
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
