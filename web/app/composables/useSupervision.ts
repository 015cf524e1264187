import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';

const LinksDocument = graphql(`
  query SupervisionLinks {
    supervisionLinks {
      id
      startedAt
      supervisor {
        id
        displayName
      }
      supervisee {
        id
        displayName
      }
    }
  }
`);

const LinkDocument = graphql(`
  mutation LinkSupervisee($supervisorId: ID!, $superviseeId: ID!) {
    linkSupervisee(supervisorId: $supervisorId, superviseeId: $superviseeId) {
      id
    }
  }
`);

const EndDocument = graphql(`
  mutation EndSupervision($id: ID!) {
    endSupervision(id: $id) {
      id
      endedAt
    }
  }
`);

/** Supervision links (admins manage them); every call returns an error sentence or null. */
export function useSupervision() {
  const list = useQuery({ query: LinksDocument, requestPolicy: 'cache-and-network' });
  const link = useMutation(LinkDocument);
  const end = useMutation(EndDocument);
  const errorMessage = useErrorMessage();
  const outcome = async (result: { error?: Parameters<typeof errorMessage>[0] }) => {
    if (result.error) return errorMessage(result.error);
    await list.executeQuery({ requestPolicy: 'network-only' });
    return null;
  };
  return {
    links: computed(() => list.data.value?.supervisionLinks ?? []),
    fetching: list.fetching,
    error: list.error,
    busy: computed(() => link.fetching.value || end.fetching.value),
    link: async (supervisorId: string, superviseeId: string) => outcome(await link.executeMutation({ supervisorId, superviseeId })),
    end: async (id: string) => outcome(await end.executeMutation({ id })),
  };
}
