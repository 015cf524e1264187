// Without an AI service configured the assistant is the local demo provider: it says so on every
// suggestion, calls no network, and its suggestions are accepted like any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writtenNote } from '../support/clinical-note-fixtures';
import { createTestPractice, createTestStaff } from '../support/factories';
import { gql } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

delete process.env.SOLACE_AI_PROVIDER;
delete process.env.OPENAI_API_KEY;
let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('the demo assist provider through the router', () => {
  it('labels its suggestions as a demo and they are accepted into the note with the revision', async () => {
    const practice = await createTestPractice();
    const author = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    const { note, token } = await writtenNote(stack.routerUrl, practice, author, { fields: {} });
    const suggested = await gql(stack.routerUrl, 'mutation($id: ID!, $s: String!) { suggestNoteDraft(noteId: $id, source: $s) { id provider model notice fields { fieldId value } } }', { id: note.id, s: '- She reports constant worry\n- plan: practice breathing daily' }, token);
    expect(suggested.errors).toBeUndefined();
    const suggestion = suggested.data!.suggestNoteDraft;
    expect(suggestion).toMatchObject({ provider: 'demo', model: 'solace-demo-rules-1' });
    expect(suggestion.notice).toContain('Demo suggestion (no AI service configured)');
    expect(suggestion.fields).toEqual([
      { fieldId: 'subjective', value: 'She reports constant worry.' },
      { fieldId: 'plan', value: 'plan: practice breathing daily.' },
    ]);
    const accepted = await gql(stack.routerUrl, 'mutation($id: ID!) { acceptNoteSuggestion(id: $id, expectedRevision: 1) { suggestion { status acceptedParts } note { revision content } } }', { id: suggestion.id }, token);
    expect(accepted.data!.acceptNoteSuggestion).toMatchObject({ suggestion: { status: 'ACCEPTED', acceptedParts: ['subjective', 'plan'] }, note: { revision: 2, content: { subjective: 'She reports constant worry.', plan: 'plan: practice breathing daily.' } } });

    const codes = await gql(stack.routerUrl, 'mutation($id: ID!) { suggestDiagnoses(noteId: $id) { provider notice codes { code description } } }', { id: note.id }, token);
    expect(codes.data!.suggestDiagnoses).toMatchObject({ provider: 'demo', codes: [{ code: 'F41.1', description: 'Generalized anxiety disorder' }] });
  });
});
