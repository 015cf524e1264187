import { useMutation, useQuery } from '@urql/vue';
import type { Ref } from 'vue';
import { graphql } from '~/gql';

// Staff side of the client portal: whether a client has access, invite them, or turn it off.
const ClientPortalAccessDocument = graphql(`
  query ClientPortalAccess($id: ID!) {
    client(id: $id) {
      id
      email
      portalAccount {
        id
        status
        email
        lastSignInAt
      }
    }
  }
`);

const InviteClientToPortalDocument = graphql(`
  mutation InviteClientToPortal($clientId: ID!, $email: String!) {
    inviteClientToPortal(clientId: $clientId, email: $email) {
      id
      status
      email
      lastSignInAt
    }
  }
`);

const DisableClientPortalAccessDocument = graphql(`
  mutation DisableClientPortalAccess($clientId: ID!) {
    disableClientPortalAccess(clientId: $clientId) {
      id
      status
      email
      lastSignInAt
    }
  }
`);

export function useClientPortal(clientId: Ref<string>) {
  const query = useQuery({ query: ClientPortalAccessDocument, variables: computed(() => ({ id: clientId.value })) });
  const invite = useMutation(InviteClientToPortalDocument);
  const disable = useMutation(DisableClientPortalAccessDocument);
  const refresh = () => query.executeQuery({ requestPolicy: 'network-only' });
  return {
    fetching: query.fetching,
    error: query.error,
    client: computed(() => query.data.value?.client ?? null),
    busy: computed(() => invite.fetching.value || disable.fetching.value),
    async invite(email: string) {
      const result = await invite.executeMutation({ clientId: clientId.value, email });
      if (!result.error) await refresh();
      return result.error ?? null;
    },
    async disable() {
      const result = await disable.executeMutation({ clientId: clientId.value });
      if (!result.error) await refresh();
      return result.error ?? null;
    },
  };
}
