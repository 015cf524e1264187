import { useMutation, type CombinedError } from '@urql/vue';
import { graphql } from '~/gql';

const RequestClientSignInDocument = graphql(`
  mutation RequestClientSignIn($email: String!) {
    requestClientSignIn(email: $email)
  }
`);

const CompleteClientSignInDocument = graphql(`
  mutation CompleteClientSignIn($email: String!, $code: String!) {
    completeClientSignIn(email: $email, code: $code) {
      accessToken
      expiresAt
      refreshToken
      clientAccount {
        id
        email
      }
    }
  }
`);

const CompleteClientSignInWithLinkDocument = graphql(`
  mutation CompleteClientSignInWithLink($token: String!) {
    completeClientSignInWithLink(token: $token) {
      accessToken
      expiresAt
      refreshToken
      clientAccount {
        id
        email
      }
    }
  }
`);

type ClientPayload = { accessToken?: string | null; expiresAt?: string | null; refreshToken?: string | null; clientAccount?: { id: string; email: string } | null };

/** The portal's session user: a client has no staff roles, only CLIENT. */
export const clientSessionUser = (account: { id: string; email: string }) => ({ id: account.id, displayName: account.email, roles: ['CLIENT'] });

/** Passwordless sign-in for clients: ask for an emailed code, then enter it (or open the emailed link). */
export function usePortalAuth() {
  const request = useMutation(RequestClientSignInDocument);
  const complete = useMutation(CompleteClientSignInDocument);
  const withLink = useMutation(CompleteClientSignInWithLinkDocument);
  const { signIn } = useSession();
  const errorMessage = useErrorMessage();
  const failure = (error: CombinedError | undefined) => errorMessage(error) ?? useT().errors.DEFAULT;

  function accept(payload: ClientPayload) {
    signIn({ accessToken: payload.accessToken!, expiresAt: payload.expiresAt!, refreshToken: payload.refreshToken!, user: clientSessionUser(payload.clientAccount!) });
  }

  return {
    requesting: request.fetching,
    verifying: computed(() => complete.fetching.value || withLink.fetching.value),
    /** Always succeeds unless rate-limited or offline: the answer never says whether the address has an account. */
    async requestCode(email: string): Promise<{ error?: string }> {
      const result = await request.executeMutation({ email });
      return result.error ? { error: failure(result.error) } : {};
    },
    async completeWithCode(email: string, code: string): Promise<{ error?: string }> {
      const result = await complete.executeMutation({ email, code: code.replace(/\s/g, '') });
      if (result.error || !result.data) return { error: failure(result.error) };
      accept(result.data.completeClientSignIn);
      return {};
    },
    async completeWithLink(token: string): Promise<{ error?: string }> {
      const result = await withLink.executeMutation({ token });
      if (result.error || !result.data) return { error: failure(result.error) };
      accept(result.data.completeClientSignInWithLink);
      return {};
    },
  };
}
