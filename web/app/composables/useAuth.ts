import { useMutation } from '@urql/vue';
import { graphql } from '~/gql';

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      expiresAt
      user {
        id
        displayName
      }
    }
  }
`);

export function useAuth() {
  const login = useMutation(LoginDocument);
  const { signIn, signOut } = useSession();
  const errorMessage = useErrorMessage();

  return {
    signingIn: login.fetching,
    /** Returns an error sentence, or null when signed in. */
    async signIn(email: string, password: string): Promise<string | null> {
      const result = await login.executeMutation({ email, password });
      if (result.error || !result.data) return errorMessage(result.error) ?? useT().errors.DEFAULT;
      signIn(result.data.login);
      return null;
    },
    signOut,
  };
}
