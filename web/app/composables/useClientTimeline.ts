import { useQuery } from '@urql/vue';
import type { Ref } from 'vue';
import { graphql } from '~/gql';

// The appointments half of a client's chart timeline: each appointment with its note (notes
// subgraph) and charge (billing), gathered by the router in one query.
const ClientTimelineDocument = graphql(`
  query ClientTimeline($clientId: ID!) {
    clientAppointments(clientId: $clientId, limit: 100) {
      id
      startsAt
      status
      modality
      service {
        name
      }
      clinician {
        displayName
      }
      note {
        id
        status
      }
      charge {
        id
        amountCents
      }
    }
  }
`);

export function useClientTimeline(clientId: Ref<string>) {
  const query = useQuery({ query: ClientTimelineDocument, variables: computed(() => ({ clientId: clientId.value })), requestPolicy: 'cache-and-network' });
  return { appointments: computed(() => query.data.value?.clientAppointments ?? []), fetching: query.fetching, error: query.error };
}
