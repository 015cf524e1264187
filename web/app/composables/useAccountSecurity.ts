import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';

const SessionsDocument = graphql(`
  query MySessions {
    mySessions {
      id
      createdAt
      lastUsedAt
      ip
      userAgent
      current
    }
  }
`);

const RevokeDocument = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

const ChangePasswordDocument = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

const RequestEmailChangeDocument = graphql(`
  mutation RequestEmailChange($newEmail: String!, $currentPassword: String!) {
    requestEmailChange(newEmail: $newEmail, currentPassword: $currentPassword)
  }
`);

/** Sessions, password and sign-in email of the signed-in staff member; calls return an error sentence or null. */
export function useAccountSecurity() {
  const sessions = useQuery({ query: SessionsDocument, requestPolicy: 'cache-and-network' });
  const revoke = useMutation(RevokeDocument);
  const changePassword = useMutation(ChangePasswordDocument);
  const requestEmailChange = useMutation(RequestEmailChangeDocument);
  const errorMessage = useErrorMessage();
  return {
    sessions: computed(() => sessions.data.value?.mySessions ?? []),
    sessionsFetching: sessions.fetching,
    busy: computed(() => revoke.fetching.value || changePassword.fetching.value || requestEmailChange.fetching.value),
    async revoke(id: string) {
      const result = await revoke.executeMutation({ id });
      if (result.error) return errorMessage(result.error);
      await sessions.executeQuery({ requestPolicy: 'network-only' });
      return null;
    },
    async changePassword(currentPassword: string, newPassword: string) {
      const result = await changePassword.executeMutation({ currentPassword, newPassword });
      const first = result.error?.graphQLErrors[0];
      // A weak password: say which rules it breaks.
      if (first?.extensions?.code === 'WEAK_PASSWORD') return [first.message, ...((first.extensions.problems as string[] | undefined) ?? [])].join(' ');
      if (result.error) return errorMessage(result.error);
      await sessions.executeQuery({ requestPolicy: 'network-only' });
      return null;
    },
    async requestEmailChange(newEmail: string, currentPassword: string) {
      const result = await requestEmailChange.executeMutation({ newEmail, currentPassword });
      return result.error ? errorMessage(result.error) : null;
    },
  };
}
