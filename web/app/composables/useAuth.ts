import { useMutation, type CombinedError } from '@urql/vue';
import { startAuthentication } from '@simplewebauthn/browser';
import { graphql } from '~/gql';
import { passkeyCeremonyError } from './usePasskeys';

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

const StartEnrollmentDocument = graphql(`
  mutation StartMfaEnrollmentAtSignIn($mfaToken: String!) {
    startMfaEnrollmentAtSignIn(mfaToken: $mfaToken) {
      secret
      otpauthUri
      qrCodeSvg
    }
  }
`);

const CompleteEnrollmentDocument = graphql(`
  mutation CompleteMfaEnrollmentAtSignIn($mfaToken: String!, $code: String!) {
    completeMfaEnrollmentAtSignIn(mfaToken: $mfaToken, code: $code) {
      recoveryCodes
      mfaRequired
      mfaEnrollmentRequired
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

const StartPasskeySignInDocument = graphql(`
  mutation StartPasskeySignIn {
    startPasskeySignIn {
      challengeId
      optionsJson
    }
  }
`);

const PasskeySignInDocument = graphql(`
  mutation SignInWithPasskey($challengeId: String!, $responseJson: String!) {
    signInWithPasskey(challengeId: $challengeId, responseJson: $responseJson) {
      mfaRequired
      mfaEnrollmentRequired
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

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      mfaRequired
      mfaEnrollmentRequired
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
  const startEnrollment = useMutation(StartEnrollmentDocument);
  const completeEnrollment = useMutation(CompleteEnrollmentDocument);
  const startPasskey = useMutation(StartPasskeySignInDocument);
  const passkeySignIn = useMutation(PasskeySignInDocument);

  type Payload = { mfaRequired: boolean; mfaEnrollmentRequired?: boolean; mfaToken?: string | null; accessToken?: string | null; expiresAt?: string | null; refreshToken?: string | null; user?: Session['user'] | null };
  /** Stores a finished sign-in; answers the MFA token when a second factor is still needed (or must be set up). */
  function accept(payload: Payload): { mfaToken: string; enroll?: boolean } | null {
    if (payload.mfaRequired) return { mfaToken: payload.mfaToken ?? '' };
    if (payload.mfaEnrollmentRequired) return { mfaToken: payload.mfaToken ?? '', enroll: true };
    signIn({ accessToken: payload.accessToken!, expiresAt: payload.expiresAt!, refreshToken: payload.refreshToken!, user: payload.user! });
    return null;
  }
  const failure = (error: CombinedError | undefined) => {
    // On the sign-in form, the server's own sentence ("The email or password is incorrect.") says more.
    const first = error?.graphQLErrors[0];
    if (first?.extensions?.reason === 'PASSKEY_REQUIRED') return useT().login.passkeyRequired;
    if (first?.extensions?.code === 'UNAUTHENTICATED' || first?.extensions?.code === 'MFA_INVALID_CODE') return first.message;
    return errorMessage(error) ?? useT().errors.DEFAULT;
  };
  const errorMessage = useErrorMessage();

  return {
    signingIn: computed(() => login.fetching.value || completeMfa.fetching.value || completeEnrollment.fetching.value || passkeySignIn.fetching.value),
    /** Signed in: {}; second factor needed: { mfaToken }; one must be set up first: { mfaToken, enroll }; refused: { error }. */
    async signIn(email: string, password: string): Promise<{ error?: string; mfaToken?: string; enroll?: boolean }> {
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
    /** Enrolment the practice requires, in the middle of signing in (mfaToken from signIn). */
    async startEnrollment(mfaToken: string) {
      const result = await startEnrollment.executeMutation({ mfaToken });
      return result.data ? { enrollment: result.data.startMfaEnrollmentAtSignIn } : { error: failure(result.error) };
    },
    async completeEnrollment(mfaToken: string, code: string): Promise<{ error?: string } | { recoveryCodes: string[] }> {
      const result = await completeEnrollment.executeMutation({ mfaToken, code });
      if (result.error || !result.data) return { error: failure(result.error) };
      const { recoveryCodes, ...payload } = result.data.completeMfaEnrollmentAtSignIn;
      accept(payload);
      return { recoveryCodes: recoveryCodes ?? [] };
    },
    /** Lets the browser offer this site's passkeys; signs in with the one the person picks. */
    async signInWithPasskey(): Promise<{ error?: string }> {
      const started = await startPasskey.executeMutation({});
      if (!started.data) return { error: failure(started.error) };
      const { challengeId, optionsJson } = started.data.startPasskeySignIn;
      let response;
      try {
        response = await startAuthentication({ optionsJSON: JSON.parse(optionsJson) });
      } catch (error) {
        return { error: passkeyCeremonyError(error) };
      }
      const result = await passkeySignIn.executeMutation({ challengeId, responseJson: JSON.stringify(response) });
      if (result.error || !result.data) return { error: failure(result.error) };
      accept(result.data.signInWithPasskey);
      return {};
    },
    /** Ends the session on the server too, so the token is dead even if it was copied. */
    async signOut() {
      if (token()) await logout.executeMutation({}).catch(() => undefined);
      signOut();
    },
  };
}
