import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';

const PracticeSecurityDocument = graphql(`
  query PracticeSecurity {
    currentPractice {
      id
      staffMfaRequired
    }
  }
`);

const SetRequirementDocument = graphql(`
  mutation SetStaffMfaRequired($required: Boolean!) {
    setStaffMfaRequired(required: $required) {
      id
      staffMfaRequired
    }
  }
`);

/** The practice's sign-in rules (admins). */
export function usePracticeSecurity() {
  const practice = useQuery({ query: PracticeSecurityDocument, requestPolicy: 'cache-and-network' });
  const set = useMutation(SetRequirementDocument);
  const errorMessage = useErrorMessage();
  return {
    mfaRequired: computed(() => practice.data.value?.currentPractice.staffMfaRequired ?? null),
    busy: set.fetching,
    async setMfaRequired(required: boolean) {
      const result = await set.executeMutation({ required });
      return result.error ? errorMessage(result.error) : null;
    },
  };
}
