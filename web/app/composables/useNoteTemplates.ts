// Note templates: the list (for the builder and for choosing one when starting a note), one
// template with its versions, and saving (create, or a new version of an existing one).
import { useClientHandle, useQuery } from '@urql/vue';
import type { CombinedError } from '@urql/vue';
import { graphql } from '~/gql';
import type { NoteTemplateInput, NoteType, TemplateFieldKind, TemplateFieldsFragment } from '~/gql/graphql';

graphql(`
  fragment TemplateFields on NoteTemplate {
    id
    name
    description
    noteType
    builtIn
    archived
    updatedAt
    currentVersion {
      id
      version
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
  }
`);

const NoteTemplatesDocument = graphql(`
  query NoteTemplates($noteType: NoteType) {
    noteTemplates(noteType: $noteType) {
      ...TemplateFields
    }
  }
`);

const NoteTemplateDocument = graphql(`
  query NoteTemplate($id: ID!) {
    noteTemplate(id: $id) {
      ...TemplateFields
      versions {
        id
        version
        createdAt
      }
    }
  }
`);

const CreateNoteTemplateDocument = graphql(`
  mutation CreateNoteTemplate($input: NoteTemplateInput!) {
    createNoteTemplate(input: $input) {
      ...TemplateFields
    }
  }
`);

const UpdateNoteTemplateDocument = graphql(`
  mutation UpdateNoteTemplate($id: ID!, $input: NoteTemplateInput!) {
    updateNoteTemplate(id: $id, input: $input) {
      ...TemplateFields
    }
  }
`);

const ArchiveNoteTemplateDocument = graphql(`
  mutation ArchiveNoteTemplate($id: ID!) {
    archiveNoteTemplate(id: $id) {
      id
      archived
    }
  }
`);

export type NoteTemplateItem = TemplateFieldsFragment;
export type TemplateFieldItem = NoteTemplateItem['currentVersion']['fields'][number];

/** A field as the template builder edits it. */
export interface BuilderField {
  /** Local identity for v-for; not saved. */
  uid: number;
  id: string;
  /** The key follows the label until the user edits it (or it came from a saved version). */
  idLocked: boolean;
  kind: TemplateFieldKind;
  label: string;
  required: boolean;
  helpText: string;
  optionsText: string;
  scaleMin: number;
  scaleMax: number;
  scaleMinLabel: string;
  scaleMaxLabel: string;
}


export function useNoteTemplates(noteType: () => NoteType | null = () => null) {
  const query = useQuery({ query: NoteTemplatesDocument, variables: computed(() => ({ noteType: noteType() })), requestPolicy: 'cache-and-network' });
  return { templates: computed(() => query.data.value?.noteTemplates ?? []), fetching: query.fetching, error: query.error, refresh: () => query.executeQuery({ requestPolicy: 'network-only' }) };
}

export function useNoteTemplate(id: () => string, paused: () => boolean = () => false) {
  const query = useQuery({ query: NoteTemplateDocument, variables: computed(() => ({ id: id() })), pause: computed(paused), requestPolicy: 'network-only' });
  return { template: computed(() => query.data.value?.noteTemplate ?? null), fetching: query.fetching, error: query.error };
}

/** A refusal as the builder shows it: the reason's sentence and, when known, the field it concerns. */
export interface TemplateProblem {
  message: string;
  fieldId: string | null;
}

export function useNoteTemplateSave() {
  const client = useClientHandle().client;
  const t = useT();
  const errorMessage = useErrorMessage();
  const busy = ref(false);

  const problemOf = (error: CombinedError | undefined): TemplateProblem => {
    const extensions = error?.graphQLErrors[0]?.extensions as { reason?: string; fields?: Array<{ field?: string }> } | undefined;
    const reason = extensions?.reason;
    return { message: (reason && t.notes.templates.reasons[reason]) || errorMessage(error) || '', fieldId: extensions?.fields?.[0]?.field ?? null };
  };

  async function save(id: string | null, input: NoteTemplateInput): Promise<{ template: NoteTemplateItem } | { problem: TemplateProblem }> {
    busy.value = true;
    const result = id ? await client.mutation(UpdateNoteTemplateDocument, { id, input }).toPromise() : await client.mutation(CreateNoteTemplateDocument, { input }).toPromise();
    busy.value = false;
    const data = result.data as { createNoteTemplate?: NoteTemplateItem; updateNoteTemplate?: NoteTemplateItem } | undefined;
    const template = data?.createNoteTemplate ?? data?.updateNoteTemplate;
    return template ? { template } : { problem: problemOf(result.error) };
  }

  async function archive(id: string): Promise<string | null> {
    const result = await client.mutation(ArchiveNoteTemplateDocument, { id }).toPromise();
    return result.error ? errorMessage(result.error) : null;
  }

  return { busy, save, archive };
}
