import { useMutation } from '@urql/vue';
import { graphql } from '~/gql';

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      accessToken
      expiresAt
      refreshToken
      user {
        id
        displayName
        roles
      }
    }
  }
`);

export function useAuth() {
  const login = useMutation(LoginDocument);
  const { signIn, signOut, token } = useSession();
  const logout = useMutation(LogoutDocument);
  const errorMessage = useErrorMessage();

  return {
    signingIn: login.fetching,
    /** Returns an error sentence, or null when signed in. */
    async signIn(email: string, password: string): Promise<string | null> {
      const result = await login.executeMutation({ email, password });
      if (result.error || !result.data) {
        // On the sign-in form, the server's own sentence ("The email or password is incorrect.") says more.
        const first = result.error?.graphQLErrors[0];
        if (first?.extensions?.code === 'UNAUTHENTICATED') return first.message;
        return errorMessage(result.error) ?? useT().errors.DEFAULT;
      }
      signIn(result.data.login);
      return null;
    },
    /** Ends the session on the server too, so the token is dead even if it was copied. */
    async signOut() {
      if (token()) await logout.executeMutation({}).catch(() => undefined);
      signOut();
    },
  };
}
