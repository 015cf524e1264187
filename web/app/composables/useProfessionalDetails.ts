import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';
import type { StaffProfessionalDetailsInput } from '~/gql/graphql';

graphql(`
  fragment StaffProfessionalDetails on StaffUser {
    id
    displayName
    credentials
    npi
    license {
      number
      state
      expiresOn
      renewalDue
    }
  }
`);

const MyProfessionalDetailsDocument = graphql(`
  query MyProfessionalDetails {
    me {
      ...StaffProfessionalDetails
    }
  }
`);

const UpdateProfessionalDetailsDocument = graphql(`
  mutation UpdateStaffProfessionalDetails($id: ID!, $input: StaffProfessionalDetailsInput!) {
    updateStaffProfessionalDetails(id: $id, input: $input) {
      ...StaffProfessionalDetails
    }
  }
`);

/** Saves anyone's professional details (the API decides who may); null when saved. */
export function useSaveProfessionalDetails() {
  const update = useMutation(UpdateProfessionalDetailsDocument);
  const errorMessage = useErrorMessage();
  return {
    saving: update.fetching,
    async save(id: string, input: StaffProfessionalDetailsInput): Promise<{ message: string; fields: string[] } | null> {
      const { error } = await update.executeMutation({ id, input });
      return error ? { message: errorMessage(error) ?? '', fields: refusedFields(error) } : null;
    },
  };
}

/** The signed-in staff member's own professional details (account page). */
export function useMyProfessionalDetails() {
  const query = useQuery({ query: MyProfessionalDetailsDocument, requestPolicy: 'cache-and-network' });
  return { me: computed(() => query.data.value?.me ?? null), fetching: query.fetching, error: query.error };
}
