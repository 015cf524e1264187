// Starting (or opening) the note of an appointment from the calendar.
import { useClientHandle, useQuery } from '@urql/vue';
import { graphql } from '~/gql';
import type { NoteType } from '~/gql/graphql';

const AppointmentNoteDocument = graphql(`
  query AppointmentNote($id: ID!) {
    appointment(id: $id) {
      id
      status
      clinician {
        id
      }
      note {
        id
        status
        noteType
      }
    }
  }
`);

const StartNoteDocument = graphql(`
  mutation StartNote($appointmentId: ID!, $noteType: NoteType!, $templateId: ID) {
    startNote(appointmentId: $appointmentId, noteType: $noteType, templateId: $templateId) {
      id
    }
  }
`);

export function useNoteStart(appointmentId: () => string) {
  const client = useClientHandle().client;
  const errorMessage = useErrorMessage();
  const query = useQuery({ query: AppointmentNoteDocument, variables: computed(() => ({ id: appointmentId() })), requestPolicy: 'network-only' });
  const busy = ref(false);

  /** Returns the new note's id, or an error sentence. */
  async function start(noteType: NoteType, templateId: string | null): Promise<{ id: string } | { error: string }> {
    busy.value = true;
    const result = await client.mutation(StartNoteDocument, { appointmentId: appointmentId(), noteType, templateId }).toPromise();
    busy.value = false;
    const id = result.data?.startNote.id;
    return id ? { id } : { error: errorMessage(result.error) ?? '' };
  }

  return { appointment: computed(() => query.data.value?.appointment ?? null), fetching: query.fetching, busy, start };
}
