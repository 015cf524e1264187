// The note editor's data: the note with its template version and appointment, and autosave with
// optimistic locking. A save names the revision it edited; when the note moved on elsewhere the
// save is refused (STALE_REVISION) and the typed text stays here, for the user to copy before
// reloading. Network failures retry on their own; nothing typed is dropped.
import { useClientHandle, useQuery } from '@urql/vue';
import type { CombinedError } from '@urql/vue';
import { graphql } from '~/gql';
import type { NoteEditorFieldsFragment } from '~/gql/graphql';

graphql(`
  fragment NoteEditorFields on ClinicalNote {
    id
    noteType
    status
    revision
    body
    content
    diagnosisCodes
    missingRequired
    readyToSign
    serviceDate
    updatedAt
    diagnoses {
      code
      description
    }
    templateVersion {
      id
      version
      templateName
      fields {
        id
        kind
        label
        required
        helpText
        options
        scaleMin
        scaleMax
        scaleMinLabel
        scaleMaxLabel
      }
    }
    appointment {
      id
      startsAt
      client {
        id
        firstName
        lastName
      }
      service {
        name
        cptCode
      }
    }
  }
`);

const NoteEditorDocument = graphql(`
  query NoteEditor($id: ID!) {
    clinicalNote(id: $id) {
      ...NoteEditorFields
    }
  }
`);

const SaveNoteDraftDocument = graphql(`
  mutation SaveNoteDraft($id: ID!, $expectedRevision: Int!, $content: String, $body: String, $diagnosisCodes: [String!]) {
    saveNoteDraft(id: $id, expectedRevision: $expectedRevision, content: $content, body: $body, diagnosisCodes: $diagnosisCodes) {
      ...NoteEditorFields
    }
  }
`);

export type EditorNote = NoteEditorFieldsFragment;
export type EditorField = NonNullable<EditorNote['templateVersion']>['fields'][number];
export type FieldValue = string | string[] | number | boolean | null;
export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'offline' | 'conflict' | 'locked' | 'failed';

/** Typing pauses this long before a save. */
export const AUTOSAVE_DELAY_MS = 1200;
const RETRY_DELAY_MS = 4000;

interface Draft {
  content: Record<string, FieldValue>;
  body: string;
  diagnosisCodes: string[];
}

const copyOf = (note: EditorNote): Draft => ({ content: { ...((note.content ?? {}) as Record<string, FieldValue>) }, body: note.body, diagnosisCodes: [...note.diagnosisCodes] });

export function useNoteEditor(noteId: () => string) {
  const client = useClientHandle().client;
  const errorMessage = useErrorMessage();
  const query = useQuery({ query: NoteEditorDocument, variables: computed(() => ({ id: noteId() })), requestPolicy: 'network-only' });

  const note = ref<EditorNote | null>(null);
  const draft = reactive<Draft>({ content: {}, body: '', diagnosisCodes: [] });
  const state = ref<SaveState>('idle');
  const savedAt = ref<Date | null>(null);
  const failure = ref<string | null>(null);
  /** What the user had typed when a save was refused as stale, kept until they dismiss it. */
  const unsavedCopy = ref<Draft | null>(null);
  let revision = 0;
  let changedSinceSave = false;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function adopt(fresh: EditorNote) {
    note.value = fresh;
    revision = fresh.revision;
    Object.assign(draft, copyOf(fresh));
    changedSinceSave = false;
  }

  watch(
    () => query.data.value?.clinicalNote,
    (fresh) => {
      // Never replace what the user is typing with a refetch; only the first load and reloads adopt.
      if (fresh && (!note.value || note.value.id !== fresh.id)) adopt(fresh);
    },
    { immediate: true },
  );

  const editable = computed(() => note.value?.status === 'DRAFT' && state.value !== 'conflict' && state.value !== 'locked');

  function schedule(delay: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delay);
  }

  /** Call after every edit: marks the note dirty and saves once typing pauses. */
  function changed() {
    if (!editable.value) return;
    changedSinceSave = true;
    if (state.value !== 'saving' && state.value !== 'offline') state.value = 'dirty';
    schedule(AUTOSAVE_DELAY_MS);
  }

  function setField(id: string, value: FieldValue) {
    draft.content[id] = value;
    changed();
  }

  function reasonOf(error: CombinedError | undefined) {
    return error?.graphQLErrors[0]?.extensions?.reason as string | undefined;
  }

  async function runSave(): Promise<void> {
    if (!note.value || !changedSinceSave || !editable.value) return;
    changedSinceSave = false;
    state.value = 'saving';
    const sent: Draft = JSON.parse(JSON.stringify(draft));
    const result = await client
      .mutation(SaveNoteDraftDocument, {
        id: note.value.id,
        expectedRevision: revision,
        content: note.value.templateVersion ? JSON.stringify(sent.content) : null,
        body: sent.body,
        diagnosisCodes: sent.diagnosisCodes,
      })
      .toPromise();
    const saved = result.data?.saveNoteDraft;
    if (saved) {
      revision = saved.revision;
      // Keep the draft (typing may have continued); take the server's derived fields.
      note.value = { ...saved };
      savedAt.value = new Date();
      failure.value = null;
      state.value = changedSinceSave ? 'dirty' : 'saved';
      if (changedSinceSave) schedule(AUTOSAVE_DELAY_MS);
      return;
    }
    changedSinceSave = true;
    const reason = reasonOf(result.error);
    if (result.error?.networkError) {
      state.value = 'offline';
      schedule(RETRY_DELAY_MS);
    } else if (reason === 'STALE_REVISION') {
      unsavedCopy.value = sent;
      state.value = 'conflict';
    } else if (reason === 'NOTE_NOT_DRAFT') {
      unsavedCopy.value = sent;
      state.value = 'locked';
    } else {
      failure.value = errorMessage(result.error);
      state.value = 'failed';
    }
  }

  /** Saves now (Ctrl/Cmd+S, leaving the page); waits for a save already under way first. */
  async function save(): Promise<void> {
    clearTimeout(timer);
    if (inFlight) await inFlight;
    inFlight = runSave().finally(() => {
      inFlight = null;
    });
    await inFlight;
  }

  /** After a conflict: load the latest version; the refused text stays in unsavedCopy to copy from. */
  async function reloadLatest() {
    clearTimeout(timer);
    const result = await client.query(NoteEditorDocument, { id: noteId() }, { requestPolicy: 'network-only' }).toPromise();
    if (result.data?.clinicalNote) {
      adopt(result.data.clinicalNote);
      state.value = 'idle';
      failure.value = null;
    } else {
      failure.value = errorMessage(result.error);
      state.value = 'failed';
    }
  }

  onBeforeUnmount(() => clearTimeout(timer));

  return {
    note,
    draft,
    state,
    savedAt,
    failure,
    unsavedCopy,
    editable,
    fetching: query.fetching,
    loadError: computed(() => errorMessage(query.error.value)),
    hasUnsaved: () => changedSinceSave || state.value === 'saving',
    changed,
    setField,
    save,
    reloadLatest,
  };
}
