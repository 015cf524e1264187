import { useClientHandle, useMutation } from '@urql/vue';
import { graphql } from '~/gql';

const FindClientsDocument = graphql(`
  query DataRequestClients($search: String) {
    clients(search: $search, limit: 20) {
      id
      firstName
      lastName
      dateOfBirth
      status
    }
  }
`);

const ExportDocument = graphql(`
  query ExportClientData($clientId: ID!) {
    exportClientData(clientId: $clientId) {
      clientId
      exportedAt
      client
      insurances
      guardians
      consents
      documents
      appointments
      clinicalNotes
      charges
      messageThreads
      portalAccount
      accessLog
    }
  }
`);

const EraseDocument = graphql(`
  mutation EraseClient($clientId: ID!) {
    eraseClient(clientId: $clientId) {
      clientId
      erasedAt
    }
  }
`);

/** Admin data-subject requests: find a client, export their data, erase it. Calls return an error sentence or null. */
export function useDataRequests() {
  const client = useClientHandle();
  const erase = useMutation(EraseDocument);
  const errorMessage = useErrorMessage();

  async function findClients(search: string) {
    const result = await client.client.query(FindClientsDocument, { search: search.trim() || null }, { requestPolicy: 'network-only' }).toPromise();
    return { clients: result.data?.clients ?? [], error: result.error ? errorMessage(result.error) : null };
  }

  /** The whole export as a JSON document (every section selected). */
  async function exportData(clientId: string) {
    const result = await client.client.query(ExportDocument, { clientId }, { requestPolicy: 'network-only' }).toPromise();
    return { document: result.data?.exportClientData ?? null, error: result.error ? errorMessage(result.error) : null };
  }

  return {
    findClients,
    exportData,
    erasing: erase.fetching,
    erase: async (clientId: string) => {
      const result = await erase.executeMutation({ clientId });
      return result.error ? errorMessage(result.error) : null;
    },
  };
}
