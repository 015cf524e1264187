import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';
import type { PracticeSettingsInput } from '~/gql/graphql';

graphql(`
  fragment PracticeDetailsFields on Practice {
    id
    name
    timeZone
    phone
    email
    npi
    taxId
    address {
      line1
      line2
      city
      state
      postalCode
    }
  }
`);

const PracticeDetailsDocument = graphql(`
  query PracticeDetails {
    currentPractice {
      ...PracticeDetailsFields
    }
  }
`);

const UpdatePracticeDetailsDocument = graphql(`
  mutation UpdatePracticeDetails($input: PracticeSettingsInput!) {
    updatePracticeSettings(input: $input) {
      ...PracticeDetailsFields
    }
  }
`);

/** The practice's name, time zone and public details (Practice settings › Practice details; admins). */
export function usePracticeDetails() {
  const query = useQuery({ query: PracticeDetailsDocument, requestPolicy: 'cache-and-network' });
  const update = useMutation(UpdatePracticeDetailsDocument);
  const errorMessage = useErrorMessage();
  return {
    practice: computed(() => query.data.value?.currentPractice ?? null),
    fetching: query.fetching,
    error: query.error,
    saving: update.fetching,
    /** null when saved; otherwise the message and the fields the API refused. */
    async save(input: PracticeSettingsInput): Promise<{ message: string; fields: string[] } | null> {
      const { error } = await update.executeMutation({ input });
      return error ? { message: errorMessage(error) ?? '', fields: refusedFields(error) } : null;
    },
  };
}
