import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';

const StartDocument = graphql(`
  mutation StartMfaEnrollment {
    startMfaEnrollment {
      secret
      otpauthUri
      qrCodeSvg
    }
  }
`);

const ConfirmDocument = graphql(`
  mutation ConfirmMfaEnrollment($code: String!) {
    confirmMfaEnrollment(code: $code)
  }
`);

const MfaStatusDocument = graphql(`
  query MfaStatus {
    me {
      id
      mfaEnabledAt
    }
  }
`);

export function useMfa() {
  const status = useQuery({ query: MfaStatusDocument, requestPolicy: 'cache-and-network' });
  const start = useMutation(StartDocument);
  const confirm = useMutation(ConfirmDocument);
  const errorMessage = useErrorMessage();
  return {
    /** Since when an authenticator app is set up; null when it is not. */
    enabledAt: computed(() => status.data.value?.me.mfaEnabledAt ?? null),
    refresh: () => status.executeQuery({ requestPolicy: 'network-only' }),
    busy: computed(() => start.fetching.value || confirm.fetching.value),
    async start() {
      const result = await start.executeMutation({});
      return result.data ? { enrollment: result.data.startMfaEnrollment } : { error: errorMessage(result.error) ?? '' };
    },
    async confirm(code: string) {
      const result = await confirm.executeMutation({ code: code.trim() });
      if (result.data) return { recoveryCodes: result.data.confirmMfaEnrollment };
      const first = result.error?.graphQLErrors[0];
      return { error: first?.extensions?.code === 'MFA_INVALID_CODE' ? first.message : (errorMessage(result.error) ?? '') };
    },
  };
}
