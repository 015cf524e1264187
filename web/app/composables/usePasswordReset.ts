import { useMutation } from '@urql/vue';
import { graphql } from '~/gql';

const RequestResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const SetPasswordDocument = graphql(`
  mutation SetPassword($token: String!, $password: String!) {
    setPassword(token: $token, password: $password)
  }
`);

export function usePasswordReset() {
  const request = useMutation(RequestResetDocument);
  const set = useMutation(SetPasswordDocument);
  const errorMessage = useErrorMessage();
  return {
    busy: computed(() => request.fetching.value || set.fetching.value),
    async requestReset(email: string): Promise<string | null> {
      const result = await request.executeMutation({ email });
      return errorMessage(result.error);
    },
    /** Returns null on success, else the message and the policy rules the password broke. */
    async setPassword(token: string, password: string): Promise<{ message: string; problems: string[] } | null> {
      const result = await set.executeMutation({ token, password });
      if (!result.error) return null;
      const first = result.error.graphQLErrors[0];
      const problems = (first?.extensions?.problems as string[] | undefined) ?? [];
      const code = first?.extensions?.code;
      const message = code === 'WEAK_PASSWORD' ? useT().password.weak : code === 'INVALID_TOKEN' ? (first?.message ?? '') : (errorMessage(result.error) ?? '');
      return { message, problems };
    },
  };
}
