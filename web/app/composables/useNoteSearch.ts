// Full-text search over the notes the user may read; each result is audited on the server.
import { useClientHandle } from '@urql/vue';
import { graphql } from '~/gql';
import type { NoteSearchQuery } from '~/gql/graphql';

const NoteSearchDocument = graphql(`
  query NoteSearch($query: String!, $limit: Int) {
    searchNotes(query: $query, limit: $limit) {
      rank
      snippet {
        text
        match
      }
      note {
        id
        noteType
        status
        serviceDate
        appointment {
          id
          client {
            id
            firstName
            lastName
          }
        }
      }
    }
  }
`);

export type NoteSearchHit = NoteSearchQuery['searchNotes'][number];

export function useNoteSearch() {
  const client = useClientHandle().client;
  const errorMessage = useErrorMessage();
  const hits = ref<NoteSearchHit[] | null>(null);
  const searching = ref(false);
  const error = ref<string | null>(null);
  let latest = 0;

  async function search(query: string) {
    if (!query.trim()) return;
    const ticket = ++latest;
    searching.value = true;
    error.value = null;
    const result = await client.query(NoteSearchDocument, { query, limit: 30 }, { requestPolicy: 'network-only' }).toPromise();
    if (ticket !== latest) return;
    searching.value = false;
    error.value = errorMessage(result.error);
    hits.value = result.data?.searchNotes ?? (result.error ? hits.value : []);
  }

  return { hits, searching, error, search };
}
