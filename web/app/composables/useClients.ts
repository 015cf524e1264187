import { useClientHandle, useMutation, useQuery, type CombinedError } from '@urql/vue';
import type { Ref } from 'vue';
import { graphql } from '~/gql';
import type { ClientStatus, CreateClientInput } from '~/gql/graphql';

// The client list, the autocomplete search and creating a client.
const ClientListDocument = graphql(`
  query ClientList($status: ClientStatus, $limit: Int!) {
    clients(status: $status, limit: $limit) {
      id
      firstName
      lastName
      preferredName
      dateOfBirth
      phone
      email
      status
    }
  }
`);

const SearchClientsDocument = graphql(`
  query SearchClients($query: String!, $limit: Int!) {
    searchClients(query: $query, limit: $limit) {
      id
      firstName
      lastName
      preferredName
      dateOfBirth
      phone
      status
    }
  }
`);

const CreateClientDocument = graphql(`
  mutation CreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      id
    }
  }
`);

/** A sentence for a failed client mutation: names the fields a validation refusal points at. */
export function useClientErrorMessage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  return (error: CombinedError | null | undefined): string | null => {
    if (!error) return null;
    const fields = error.graphQLErrors[0]?.extensions?.fields as Array<{ field: string }> | undefined;
    if (fields?.length && error.graphQLErrors[0]?.message === 'Some input is not valid.') return t.clients.checkFields(fields.map((f) => f.field).join(', '));
    return errorMessage(error);
  };
}

export function useClientList(status: Ref<ClientStatus | null>) {
  const query = useQuery({ query: ClientListDocument, variables: computed(() => ({ status: status.value, limit: 200 })), requestPolicy: 'cache-and-network' });
  return { clients: computed(() => query.data.value?.clients ?? []), fetching: query.fetching, error: query.error };
}

export type FoundClient = { id: string; firstName: string; lastName: string; preferredName?: string | null; dateOfBirth: string; phone?: string | null; status: ClientStatus };

/** The autocomplete's search: the latest answer wins, so a slow early reply never replaces a later one. */
export function useClientSearch() {
  const handle = useClientHandle();
  let latest = 0;
  return async function search(text: string, limit = 8): Promise<{ clients: FoundClient[]; error: CombinedError | null; stale: boolean }> {
    const ticket = ++latest;
    const result = await handle.client.query(SearchClientsDocument, { query: text, limit }, { requestPolicy: 'network-only' }).toPromise();
    return { clients: result.data?.searchClients ?? [], error: result.error ?? null, stale: ticket !== latest };
  };
}

export function useCreateClient() {
  const create = useMutation(CreateClientDocument);
  return {
    creating: create.fetching,
    async create(input: CreateClientInput) {
      const result = await create.executeMutation({ input });
      return { id: result.data?.createClient.id ?? null, error: result.error ?? null };
    },
  };
}
