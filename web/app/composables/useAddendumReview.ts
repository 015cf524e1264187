import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';

const AddendaToCosignDocument = graphql(`
  query AddendaToCosign {
    addendaToCosign {
      note {
        id
        serviceDate
      }
      client {
        id
        firstName
        lastName
      }
      version {
        id
        number
        addendumText
        createdAt
        author {
          id
          displayName
        }
      }
    }
  }
`);

const CosignAddendumDocument = graphql(`
  mutation CosignNoteAddendum($noteId: ID!, $versionNumber: Int!, $attest: Boolean!) {
    cosignNoteAddendum(noteId: $noteId, versionNumber: $versionNumber, attest: $attest) {
      id
      awaitingCosignature
    }
  }
`);

/** The supervisor's queue of supervisees' addenda to co-sign. */
export function useAddendumReview() {
  const query = useQuery({ query: AddendaToCosignDocument, requestPolicy: 'cache-and-network' });
  const cosign = useMutation(CosignAddendumDocument);
  const errorMessage = useErrorMessage();
  return {
    items: computed(() => query.data.value?.addendaToCosign ?? []),
    fetching: query.fetching,
    error: computed(() => errorMessage(query.error.value)),
    busy: cosign.fetching,
    async cosign(noteId: string, versionNumber: number): Promise<string | null> {
      const { error } = await cosign.executeMutation({ noteId, versionNumber, attest: true });
      if (!error) await query.executeQuery({ requestPolicy: 'network-only' });
      return errorMessage(error);
    },
  };
}
