// The Assist panel's data: ask for a suggestion for a draft note (fields from a transcript or
// bullet points, or ICD-10-CM codes), then accept all or part of it at the editor's revision, or
// dismiss it. Nothing is written into the note except through acceptNoteSuggestion.
import { useClientHandle } from '@urql/vue';
import { graphql } from '~/gql';
import type { NoteAssistSuggestionFragment } from '~/gql/graphql';

graphql(`
  fragment NoteAssistSuggestion on NoteSuggestion {
    id
    kind
    provider
    model
    notice
    status
    fields {
      fieldId
      label
      value
    }
    codes {
      code
      description
      rationale
    }
  }
`);

const SuggestDraftDocument = graphql(`
  mutation SuggestNoteDraft($noteId: ID!, $source: String!) {
    suggestNoteDraft(noteId: $noteId, source: $source) {
      ...NoteAssistSuggestion
    }
  }
`);

const SuggestCodesDocument = graphql(`
  mutation SuggestDiagnoses($noteId: ID!) {
    suggestDiagnoses(noteId: $noteId) {
      ...NoteAssistSuggestion
    }
  }
`);

const AcceptDocument = graphql(`
  mutation AcceptNoteSuggestion($id: ID!, $expectedRevision: Int!, $fields: [String!]) {
    acceptNoteSuggestion(id: $id, expectedRevision: $expectedRevision, fields: $fields) {
      suggestion {
        ...NoteAssistSuggestion
      }
      note {
        id
        revision
      }
    }
  }
`);

const RejectDocument = graphql(`
  mutation RejectNoteSuggestion($id: ID!) {
    rejectNoteSuggestion(id: $id) {
      ...NoteAssistSuggestion
    }
  }
`);

export type AssistSuggestion = NoteAssistSuggestionFragment;

export function useNoteAssist(noteId: () => string) {
  const client = useClientHandle().client;
  const errorMessage = useErrorMessage();
  const draftSuggestion = ref<AssistSuggestion | null>(null);
  const codeSuggestion = ref<AssistSuggestion | null>(null);
  const busy = ref<'draft' | 'codes' | 'deciding' | null>(null);
  const error = ref<string | null>(null);

  async function run<T>(kind: 'draft' | 'codes' | 'deciding', work: () => Promise<{ data?: T; error?: Parameters<typeof errorMessage>[0] }>): Promise<T | null> {
    busy.value = kind;
    error.value = null;
    try {
      const result = await work();
      if (result.error || !result.data) error.value = errorMessage(result.error) ?? null;
      return result.data ?? null;
    } finally {
      busy.value = null;
    }
  }

  async function suggestDraft(source: string) {
    const data = await run('draft', () => client.mutation(SuggestDraftDocument, { noteId: noteId(), source }).toPromise());
    if (data) draftSuggestion.value = data.suggestNoteDraft;
  }

  async function suggestCodes() {
    const data = await run('codes', () => client.mutation(SuggestCodesDocument, { noteId: noteId() }).toPromise());
    if (data) codeSuggestion.value = data.suggestDiagnoses;
  }

  /** Accepts the given parts (all when null) at `revision`; the note's new revision, or null when refused. */
  async function accept(suggestion: AssistSuggestion, revision: number, parts: string[] | null): Promise<number | null> {
    const data = await run('deciding', () => client.mutation(AcceptDocument, { id: suggestion.id, expectedRevision: revision, fields: parts }).toPromise());
    if (!data) return null;
    replace(data.acceptNoteSuggestion.suggestion);
    return data.acceptNoteSuggestion.note.revision;
  }

  async function dismiss(suggestion: AssistSuggestion) {
    const data = await run('deciding', () => client.mutation(RejectDocument, { id: suggestion.id }).toPromise());
    if (data) replace(data.rejectNoteSuggestion);
  }

  function replace(updated: AssistSuggestion) {
    if (draftSuggestion.value?.id === updated.id) draftSuggestion.value = updated;
    if (codeSuggestion.value?.id === updated.id) codeSuggestion.value = updated;
  }

  return { draftSuggestion, codeSuggestion, busy, error, suggestDraft, suggestCodes, accept, dismiss };
}
