import { useMutation, type CombinedError } from '@urql/vue';
import { graphql } from '~/gql';

const CompleteMfaDocument = graphql(`
  mutation CompleteMfa($mfaToken: String!, $code: String!) {
    completeMfaSignIn(mfaToken: $mfaToken, code: $code) {
      mfaRequired
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

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      mfaRequired
      mfaToken
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
  type Session = NonNullable<ReturnType<typeof useSession>['session']['value']>;
  const logout = useMutation(LogoutDocument);
  const completeMfa = useMutation(CompleteMfaDocument);

  type Payload = { mfaRequired: boolean; mfaToken?: string | null; accessToken?: string | null; expiresAt?: string | null; refreshToken?: string | null; user?: Session['user'] | null };
  /** Stores a finished sign-in; answers the MFA token when a second factor is still needed. */
  function accept(payload: Payload): { mfaToken: string } | null {
    if (payload.mfaRequired) return { mfaToken: payload.mfaToken ?? '' };
    signIn({ accessToken: payload.accessToken!, expiresAt: payload.expiresAt!, refreshToken: payload.refreshToken!, user: payload.user! });
    return null;
  }
  const failure = (error: CombinedError | undefined) => {
    // On the sign-in form, the server's own sentence ("The email or password is incorrect.") says more.
    const first = error?.graphQLErrors[0];
    if (first?.extensions?.code === 'UNAUTHENTICATED' || first?.extensions?.code === 'MFA_INVALID_CODE') return first.message;
    return errorMessage(error) ?? useT().errors.DEFAULT;
  };
  const errorMessage = useErrorMessage();

  return {
    signingIn: computed(() => login.fetching.value || completeMfa.fetching.value),
    /** Signed in: {}; second factor needed: { mfaToken }; refused: { error }. */
    async signIn(email: string, password: string): Promise<{ error?: string; mfaToken?: string }> {
      const result = await login.executeMutation({ email, password });
      if (result.error || !result.data) return { error: failure(result.error) };
      return accept(result.data.login) ?? {};
    },
    async completeMfa(mfaToken: string, code: string): Promise<{ error?: string }> {
      const result = await completeMfa.executeMutation({ mfaToken, code: code.trim() });
      if (result.error || !result.data) return { error: failure(result.error) };
      accept(result.data.completeMfaSignIn);
      return {};
    },
    /** Ends the session on the server too, so the token is dead even if it was copied. */
    async signOut() {
      if (token()) await logout.executeMutation({}).catch(() => undefined);
      signOut();
    },
  };
}
