// AI assistance through the router with OpenAI faked by msw: suggestions are stored as proposals
// (the note unchanged), accepted through the note's optimistic-locked autosave and recorded, or
// dismissed; the provider's errors arrive as stable codes; only de-identified text leaves; and only
// the note's author may ask or decide.
import { FetchInterceptor } from '@mswjs/interceptors/fetch';
import { SetupServerApi } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_OPENAI_KEY, openAiFake } from '../../subgraphs/notes/src/note-assist/openai-fake';
import { writtenNote } from '../support/clinical-note-fixtures';
import { createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

const openai = openAiFake();
process.env.SOLACE_AI_PROVIDER = 'openai';
process.env.OPENAI_API_KEY = FAKE_OPENAI_KEY;
const server = new SetupServerApi(openai.handlers, [new FetchInterceptor()]);
let stack: TestStack;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'bypass' });
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
  server.close();
});
beforeEach(() => {
  openai.state.requests.length = 0;
  openai.state.answers.length = 0;
  openai.state.failures.length = 0;
});

const SUGGESTION = 'id noteId kind provider model status notice noteRevision fields { fieldId label value } codes { code description rationale } decidedById decidedAt acceptedParts';
const SUGGEST = `mutation($id: ID!, $source: String!) { suggestNoteDraft(noteId: $id, source: $source) { ${SUGGESTION} } }`;
const SUGGEST_CODES = `mutation($id: ID!) { suggestDiagnoses(noteId: $id) { ${SUGGESTION} } }`;
const ACCEPT = `mutation($id: ID!, $rev: Int!, $fields: [String!]) { acceptNoteSuggestion(id: $id, expectedRevision: $rev, fields: $fields) { suggestion { ${SUGGESTION} } note { id revision content diagnosisCodes } } }`;
const REJECT = `mutation($id: ID!) { rejectNoteSuggestion(id: $id) { ${SUGGESTION} } }`;
const NOTE = 'query($id: ID!) { clinicalNote(id: $id) { id revision content diagnosisCodes } }';
const codes = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => (result.errors ?? []).map((e) => e.extensions?.code);

async function draft() {
  const practice = await createTestPractice();
  const author = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const client = await createTestClient(practice, { firstName: 'Marisol', email: 'marisol.q@example.test', dateOfBirth: new Date('1987-03-09') });
  await testPrisma().client.update({ where: { id: client.id }, data: { phone: '(404) 555-0188' } });
  const written = await writtenNote(stack.routerUrl, practice, author, { client, fields: {} });
  return { ...written, practice, author, client };
}

describe('AI suggestions with an OpenAI-shaped provider', () => {
  it('drafts fields from de-identified bullets, keeps the note unchanged, and applies only what the author accepts', async () => {
    const { client, note, token } = await draft();
    openai.state.answers.push({ fields: { subjective: 'Client reports poor sleep and worry about work.', plan: 'Continue CBT weekly.', risk_level: 'Somewhat risky', made_up: 'x' } });
    const source = `- ${client.firstName} ${client.lastName} (DOB 03/09/1987, marisol.q@example.test, 404-555-0188) says she sleeps 4h\n- worried about work\n- plan: continue CBT`;
    const suggested = await gql(stack.routerUrl, SUGGEST, { id: note.id, source }, token);
    expect(suggested.errors).toBeUndefined();
    const suggestion = suggested.data!.suggestNoteDraft;
    expect(suggestion).toMatchObject({ kind: 'NOTE_DRAFT', provider: 'openai', model: 'gpt-4o-mini', status: 'PROPOSED', notice: null, noteRevision: 1 });
    // Only real fields with valid values: the unknown field and the invented option are dropped.
    expect(suggestion.fields).toEqual([
      { fieldId: 'subjective', label: 'Subjective', value: 'Client reports poor sleep and worry about work.' },
      { fieldId: 'plan', label: 'Plan', value: 'Continue CBT weekly.' },
    ]);

    // Minimum necessary: the request carried the clinician's facts but none of the client's identifiers.
    expect(openai.state.requests).toHaveLength(1);
    const request = openai.state.requests[0]!;
    expect(request.response_format).toEqual({ type: 'json_object' });
    const sent = JSON.stringify(request);
    expect(sent).toContain('sleeps 4h');
    for (const identifier of [client.firstName, client.lastName, '1987', '03/09', 'marisol.q@example.test', '555-0188', client.id]) expect(sent).not.toContain(identifier);
    expect(sent).toContain('[client]');

    // Not in the note until accepted.
    const before = (await gql(stack.routerUrl, NOTE, { id: note.id }, token)).data!.clinicalNote;
    expect(before.content).toEqual({});
    expect(before.revision).toBe(1);

    const accepted = await gql(stack.routerUrl, ACCEPT, { id: suggestion.id, rev: 1, fields: ['subjective'] }, token);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptNoteSuggestion.note).toMatchObject({ revision: 2, content: { subjective: 'Client reports poor sleep and worry about work.' } });
    expect(accepted.data!.acceptNoteSuggestion.note.content.plan ?? null).toBeNull();
    expect(accepted.data!.acceptNoteSuggestion.suggestion).toMatchObject({ status: 'ACCEPTED', acceptedParts: ['subjective'], decidedById: expect.any(String) });
    const stored = await testPrisma().noteSuggestion.findFirst({ where: { id: suggestion.id } });
    expect(stored).toMatchObject({ status: 'ACCEPTED', acceptedParts: ['subjective'] });
    expect(stored!.decidedAt).toBeInstanceOf(Date);
    // Encrypted at rest.
    expect(stored!.content).not.toContain('poor sleep');

    const again = await gql(stack.routerUrl, ACCEPT, { id: suggestion.id, rev: 2 }, token);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SUGGESTION_DECIDED' });
  });

  it('refuses an acceptance from a stale editor and leaves the suggestion open; dismissing leaves the note as it was', async () => {
    const { note, token } = await draft();
    openai.state.answers.push({ fields: { subjective: 'Suggested subjective.' } }, { fields: { assessment: 'Suggested assessment.' } });
    const first = (await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'bullets' }, token)).data!.suggestNoteDraft;
    const second = (await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'more bullets' }, token)).data!.suggestNoteDraft;
    // The clinician keeps typing meanwhile: revision 2.
    const typed = await gql(stack.routerUrl, 'mutation($id: ID!) { saveNoteDraft(id: $id, expectedRevision: 1, content: "{\\"subjective\\":\\"My own words.\\"}") { revision } }', { id: note.id }, token);
    expect(typed.data!.saveNoteDraft.revision).toBe(2);

    const stale = await gql(stack.routerUrl, ACCEPT, { id: first.id, rev: 1 }, token);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVISION', currentRevision: 2 });
    expect((await testPrisma().noteSuggestion.findFirst({ where: { id: first.id } }))!.status).toBe('PROPOSED');
    expect((await gql(stack.routerUrl, NOTE, { id: note.id }, token)).data!.clinicalNote).toMatchObject({ revision: 2, content: { subjective: 'My own words.' } });

    const rejected = await gql(stack.routerUrl, REJECT, { id: second.id }, token);
    expect(rejected.data!.rejectNoteSuggestion).toMatchObject({ status: 'REJECTED', decidedById: expect.any(String) });
    expect((await gql(stack.routerUrl, NOTE, { id: note.id }, token)).data!.clinicalNote).toMatchObject({ revision: 2, content: { subjective: 'My own words.' } });
  });

  it('suggests only codes of the shipped ICD-10-CM table, with descriptions, and adds accepted ones to the note', async () => {
    const practice = await createTestPractice();
    const author = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    const { note, token, revision } = await writtenNote(stack.routerUrl, practice, author, { diagnosisCodes: ['F41.1'] });
    openai.state.answers.push({ codes: [{ code: 'F41.1', rationale: 'worry' }, { code: 'f51.01', rationale: 'sleeps four hours' }, { code: 'X99.999', rationale: 'invented' }, { code: 'F41', rationale: 'a category, not billable' }] });
    const suggested = await gql(stack.routerUrl, SUGGEST_CODES, { id: note.id }, token);
    expect(suggested.errors).toBeUndefined();
    expect(suggested.data!.suggestDiagnoses.codes).toEqual([{ code: 'F51.01', description: 'Primary insomnia', rationale: 'sleeps four hours' }]);
    expect(JSON.stringify(openai.state.requests[0])).toContain('sleeping four hours');

    const accepted = await gql(stack.routerUrl, ACCEPT, { id: suggested.data!.suggestDiagnoses.id, rev: revision }, token);
    expect(accepted.data!.acceptNoteSuggestion.note.diagnosisCodes).toEqual(['F41.1', 'F51.01']);
  });

  it('maps the provider’s 429, 5xx, bad key and malformed answers to stable codes and stores nothing', async () => {
    const { note, token } = await draft();
    openai.state.failures.push({ status: 429 });
    const limited = await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'bullets' }, token);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ASSIST_RATE_LIMITED', retryAfterSeconds: 20 });

    openai.state.failures.push({ status: 500 });
    const down = await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'bullets' }, token);
    expect(down.errors?.[0]?.extensions).toMatchObject({ code: 'ASSIST_UNAVAILABLE', reason: 'ASSIST_PROVIDER_UNAVAILABLE' });

    openai.state.failures.push({ status: 401 });
    const badKey = await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'bullets' }, token);
    expect(badKey.errors?.[0]?.extensions).toMatchObject({ code: 'ASSIST_UNAVAILABLE', reason: 'ASSIST_NOT_AUTHORIZED' });

    openai.state.failures.push({ malformed: true });
    const garbled = await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'bullets' }, token);
    expect(garbled.errors?.[0]?.extensions).toMatchObject({ code: 'ASSIST_UNAVAILABLE', reason: 'ASSIST_BAD_RESPONSE' });

    expect(await testPrisma().noteSuggestion.count({ where: { noteId: note.id } })).toBe(0);
  });

  it('lets only the author ask and decide, only on drafts; strangers and other roles are refused', async () => {
    const { practice, note, token } = await draft();
    openai.state.answers.push({ fields: { subjective: 'Suggested.' } });
    const suggestion = (await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'bullets' }, token)).data!.suggestNoteDraft;

    const colleague = await tokenFor(await createTestStaff(practice, { roles: ['CLINICIAN'] }));
    const supervisor = await tokenFor(await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'] }));
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['CLINICIAN', 'SUPERVISOR', 'ADMIN'] }));

    expect(codes(await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'x' }, colleague))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, ACCEPT, { id: suggestion.id, rev: 1 }, colleague))).toEqual(['NOT_FOUND']);
    // A supervisor who does not supervise the author does not see the note; an admin sees it but
    // only the author asks for and decides on suggestions.
    expect(codes(await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'x' }, supervisor))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, REJECT, { id: suggestion.id }, supervisor))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'x' }, admin))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, REJECT, { id: suggestion.id }, admin))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, SUGGEST, { id: note.id, source: 'x' }, desk))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, ACCEPT, { id: suggestion.id, rev: 1 }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(stack.routerUrl, 'query($id: ID!) { noteSuggestions(noteId: $id) { id } }', { id: note.id }, stranger))).toEqual(['NOT_FOUND']);
    expect((await testPrisma().noteSuggestion.findFirst({ where: { id: suggestion.id } }))!.status).toBe('PROPOSED');

    // Signed notes take no suggestions.
    const signed = await writtenNote(stack.routerUrl, practice, (await testPrisma().staffUser.findFirst({ where: { id: (await testPrisma().clinicalNote.findFirst({ where: { id: note.id } }))!.authorId } }))!, { sign: true });
    const refused = await gql(stack.routerUrl, SUGGEST, { id: signed.note.id, source: 'x' }, signed.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOTE_NOT_DRAFT' });
    expect(openai.state.requests).toHaveLength(1);
  });
});
