import { useMutation } from '@urql/vue';
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

export function useMfa() {
  const start = useMutation(StartDocument);
  const confirm = useMutation(ConfirmDocument);
  const errorMessage = useErrorMessage();
  return {
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
