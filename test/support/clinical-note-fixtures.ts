// Notes written the way a clinician writes them, through the router: a past session, a SOAP note
// started on it, its fields saved, and (optionally) signed. For the note documents, assist and
// search tests.
import { createTestAppointment, createTestClient } from './factories';
import { gql, tokenFor } from './graphql-client';

export const SOAP_FIELDS = {
  subjective: 'Client reports sleeping four hours a night and constant worry about work.',
  objective: 'Appeared tired; affect anxious; speech normal.',
  assessment: 'Generalized anxiety symptoms persist; some progress with breathing exercises.',
  plan: 'Continue CBT weekly; practice the worry-postponement exercise daily.',
  risk_level: 'No current risk identified',
};

let sessions = 0;

export async function writtenNote(
  routerUrl: string,
  practice: { id: string },
  author: { id: string; practiceId: string; roles: string[] },
  options: { fields?: Record<string, string>; sign?: boolean; client?: Awaited<ReturnType<typeof createTestClient>>; firstName?: string; diagnosisCodes?: string[] } = {},
) {
  const token = await tokenFor(author);
  const client = options.client ?? (await createTestClient(practice, { firstName: options.firstName ?? 'Dana' }));
  const startsAt = new Date(Date.now() - 86_400_000 - (sessions++ % 200) * 3_600_000);
  const appointment = await createTestAppointment(practice, client, author, { startsAt, status: 'COMPLETED' });
  const started = await gql(routerUrl, 'mutation($a: ID!) { startNote(appointmentId: $a, noteType: SOAP) { id revision } }', { a: appointment.id }, token);
  if (started.errors) throw new Error(JSON.stringify(started.errors));
  const note = started.data!.startNote as { id: string; revision: number };
  const fields = options.fields ?? SOAP_FIELDS;
  if (Object.keys(fields).length === 0) return { note, client, token, revision: note.revision };
  const saved = await gql(
    routerUrl,
    'mutation($id: ID!, $rev: Int!, $content: String, $codes: [String!]) { saveNoteDraft(id: $id, expectedRevision: $rev, content: $content, diagnosisCodes: $codes) { id revision } }',
    { id: note.id, rev: note.revision, content: JSON.stringify(fields), codes: options.diagnosisCodes ?? ['F41.1'] },
    token,
  );
  if (saved.errors) throw new Error(JSON.stringify(saved.errors));
  let revision = saved.data!.saveNoteDraft.revision as number;
  if (options.sign) {
    const signed = await gql(routerUrl, 'mutation($id: ID!) { signNote(id: $id, attest: true) { id status revision } }', { id: note.id }, token);
    if (signed.errors) throw new Error(JSON.stringify(signed.errors));
    revision = signed.data!.signNote.revision;
  }
  return { note, client, token, revision };
}
