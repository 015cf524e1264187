// Note search through the router: stemmed full-text search over the notes a user may read (the
// author's own, a supervisor's supervisees', an admin's whole practice, never another practice),
// with a highlighted snippet cut from the decrypted text, and a READ audit event per hit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writtenNote } from '../support/clinical-note-fixtures';
import { createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const SEARCH = 'query($q: String!) { searchNotes(query: $q) { rank snippet { text match } note { id status noteType serviceDate } } }';
const ids = (result: { data?: Record<string, any> | null }) => (result.data!.searchNotes as Array<{ note: { id: string } }>).map((hit) => hit.note.id).sort();
const fields = (subjective: string) => ({ subjective, objective: 'Calm.', assessment: 'Stable.', plan: 'Continue weekly sessions.', risk_level: 'No current risk identified' });

async function team() {
  const practice = await createTestPractice();
  const supervisor = await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'] });
  const associate = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const colleague = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const admin = await createTestStaff(practice, { roles: ['ADMIN'] });
  await testPrisma().supervisionLink.create({ data: { practiceId: practice.id, supervisorId: supervisor.id, superviseeId: associate.id } });
  return { practice, supervisor, associate, colleague, admin };
}

describe('note search', () => {
  it('finds stemmed words in drafts and signed notes with a highlighted snippet, and audits every hit', async () => {
    const { practice, colleague } = await team();
    const signed = await writtenNote(stack.routerUrl, practice, colleague, { fields: fields('Client has been sleeping poorly and worries constantly about the divorce.'), sign: true });
    const draft = await writtenNote(stack.routerUrl, practice, colleague, { fields: fields('Client sleeps better since starting the evening routine.') });
    await writtenNote(stack.routerUrl, practice, colleague, { fields: fields('Discussed the new job and the commute.') });
    const token = signed.token;

    const result = await gql(stack.routerUrl, SEARCH, { q: 'sleep' }, token);
    expect(result.errors).toBeUndefined();
    expect(ids(result)).toEqual([signed.note.id, draft.note.id].sort());
    const hit = result.data!.searchNotes.find((h: { note: { id: string } }) => h.note.id === signed.note.id);
    expect(hit.note).toMatchObject({ status: 'SIGNED', noteType: 'SOAP' });
    expect(hit.snippet.filter((part: { match: boolean }) => part.match).map((part: { text: string }) => part.text)).toEqual(['sleeping']);
    expect(hit.snippet.map((part: { text: string }) => part.text).join('')).toContain('Client has been sleeping poorly');

    // Diagnosis descriptions are searchable too (every note here is coded F41.1).
    expect(ids(await gql(stack.routerUrl, SEARCH, { q: 'generalized anxiety' }, token))).toHaveLength(3);
    // An addendum makes the note findable by its words.
    await gql(stack.routerUrl, 'mutation($id: ID!) { addNoteAddendum(id: $id, text: "Referred to a psychiatrist for medication review.", attest: true) { number } }', { id: signed.note.id }, token);
    expect(ids(await gql(stack.routerUrl, SEARCH, { q: 'psychiatrist' }, token))).toEqual([signed.note.id]);
    // A draft saved again is found by its new words, not its old ones.
    const rev = (await testPrisma().clinicalNote.findFirst({ where: { id: draft.note.id } }))!.revision;
    await gql(stack.routerUrl, 'mutation($id: ID!, $rev: Int!, $c: String) { saveNoteDraft(id: $id, expectedRevision: $rev, content: $c) { revision } }', { id: draft.note.id, rev, c: JSON.stringify(fields('Talked about gardening.')) }, token);
    expect(ids(await gql(stack.routerUrl, SEARCH, { q: 'gardens' }, token))).toEqual([draft.note.id]);
    expect(ids(await gql(stack.routerUrl, SEARCH, { q: 'evening routine' }, token))).toEqual([]);

    const audited = await testPrisma().auditEvent.findMany({ where: { practiceId: practice.id, entityType: 'ClinicalNote', action: 'READ', entityId: { in: [signed.note.id, draft.note.id] }, actorId: colleague.id } });
    expect(new Set(audited.map((event) => event.entityId))).toEqual(new Set([signed.note.id, draft.note.id]));
  });

  it('searches only what the user may read: own notes, a supervisor’s supervisees’, an admin’s practice, never another practice', async () => {
    const { practice, supervisor, associate, colleague, admin } = await team();
    const q = { q: 'kayaking' };
    const mine = await writtenNote(stack.routerUrl, practice, associate, { fields: fields('Client went kayaking with family.') });
    const supervisorsOwn = await writtenNote(stack.routerUrl, practice, supervisor, { fields: fields('Client enjoys kayaking.') });
    const colleagues = await writtenNote(stack.routerUrl, practice, colleague, { fields: fields('Kayaking helped the client relax.') });
    const elsewhere = await createTestPractice();
    const outsider = await createTestStaff(elsewhere, { roles: ['ADMIN', 'CLINICIAN', 'SUPERVISOR'] });
    const outsiders = await writtenNote(stack.routerUrl, elsewhere, outsider, { fields: fields('Kayaking every weekend.') });

    expect(ids(await gql(stack.routerUrl, SEARCH, q, await tokenFor(associate)))).toEqual([mine.note.id]);
    expect(ids(await gql(stack.routerUrl, SEARCH, q, await tokenFor(colleague)))).toEqual([colleagues.note.id]);
    expect(ids(await gql(stack.routerUrl, SEARCH, q, await tokenFor(supervisor)))).toEqual([mine.note.id, supervisorsOwn.note.id].sort());
    expect(ids(await gql(stack.routerUrl, SEARCH, q, await tokenFor(admin)))).toEqual([mine.note.id, supervisorsOwn.note.id, colleagues.note.id].sort());
    expect(ids(await gql(stack.routerUrl, SEARCH, q, await tokenFor(outsider)))).toEqual([outsiders.note.id]);

    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK', 'BILLING'] }));
    expect((await gql(stack.routerUrl, SEARCH, q, desk)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, SEARCH, { q: '   ' }, await tokenFor(admin))).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMPTY_QUERY' });
    // The index rows carry no text, only the tsvector; the database keeps them per practice.
    const entry = await testPrisma().$queryRaw<Array<{ practiceId: string }>>`SELECT "practiceId"::text FROM "NoteSearchEntry" WHERE "noteId" = ${outsiders.note.id}::uuid`;
    expect(entry).toEqual([{ practiceId: elsewhere.id }]);
  });
});
