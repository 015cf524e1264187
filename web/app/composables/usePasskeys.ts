import { useMutation, useQuery } from '@urql/vue';
import { browserSupportsWebAuthn, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import { graphql } from '~/gql';

const PasskeysDocument = graphql(`
  query MyPasskeys {
    myPasskeys {
      id
      name
      backedUp
      createdAt
      lastUsedAt
    }
  }
`);

const StartRegistrationDocument = graphql(`
  mutation StartPasskeyRegistration {
    startPasskeyRegistration {
      challengeId
      optionsJson
    }
  }
`);

const RegisterDocument = graphql(`
  mutation RegisterPasskey($challengeId: String!, $name: String!, $responseJson: String!) {
    registerPasskey(challengeId: $challengeId, name: $name, responseJson: $responseJson) {
      id
    }
  }
`);

const DeleteDocument = graphql(`
  mutation DeletePasskey($id: ID!) {
    deletePasskey(id: $id)
  }
`);

/** The browser's own refusal (the person cancelled, or no authenticator) as a sentence. */
export function passkeyCeremonyError(error: unknown): string {
  const t = useT();
  if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return t.passkeys.alreadyRegistered;
  if (error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError')) return t.passkeys.cancelled;
  return t.passkeys.failed;
}

/** The signed-in staff member's passkeys; every call returns an error sentence or null. */
export function usePasskeys() {
  const list = useQuery({ query: PasskeysDocument, requestPolicy: 'cache-and-network' });
  const start = useMutation(StartRegistrationDocument);
  const register = useMutation(RegisterDocument);
  const remove = useMutation(DeleteDocument);
  const errorMessage = useErrorMessage();
  const busy = ref(false);
  const refresh = () => list.executeQuery({ requestPolicy: 'network-only' });

  return {
    supported: import.meta.client && usePasskeySupport(),
    passkeys: computed(() => list.data.value?.myPasskeys ?? []),
    fetching: list.fetching,
    busy: computed(() => busy.value || remove.fetching.value),
    async add(name: string): Promise<string | null> {
      busy.value = true;
      try {
        const started = await start.executeMutation({});
        if (!started.data) return errorMessage(started.error);
        const { challengeId, optionsJson } = started.data.startPasskeyRegistration;
        let response;
        try {
          response = await startRegistration({ optionsJSON: JSON.parse(optionsJson) });
        } catch (error) {
          return passkeyCeremonyError(error);
        }
        const registered = await register.executeMutation({ challengeId, name, responseJson: JSON.stringify(response) });
        if (registered.error) return errorMessage(registered.error);
        await refresh();
        return null;
      } finally {
        busy.value = false;
      }
    },
    async remove(id: string): Promise<string | null> {
      const result = await remove.executeMutation({ id });
      if (result.error) return errorMessage(result.error);
      await refresh();
      return null;
    },
  };
}

/** Whether this browser can use passkeys at all. */
export const usePasskeySupport = () => browserSupportsWebAuthn();
