import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';
import type { Role } from '~/gql/graphql';

const StaffDocument = graphql(`
  query StaffList {
    staffUsers {
      id
      displayName
      email
      roles
      mfaEnabledAt
      ...StaffProfessionalDetails
    }
  }
`);

const InviteDocument = graphql(`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      id
      displayName
      email
      roles
    }
  }
`);

const ChangeRolesDocument = graphql(`
  mutation ChangeStaffRoles($id: ID!, $roles: [Role!]!) {
    changeStaffRoles(id: $id, roles: $roles) {
      id
      roles
    }
  }
`);

const DeactivateDocument = graphql(`
  mutation DeactivateStaff($id: ID!) {
    deactivateStaff(id: $id) {
      id
    }
  }
`);

export const ALL_ROLES: Role[] = ['ADMIN', 'CLINICIAN', 'SUPERVISOR', 'BILLING', 'FRONT_DESK'];

/** Admin management of the practice's staff; every call returns an error sentence or null. */
export function useStaffAdmin() {
  const list = useQuery({ query: StaffDocument, requestPolicy: 'cache-and-network' });
  const invite = useMutation(InviteDocument);
  const change = useMutation(ChangeRolesDocument);
  const deactivate = useMutation(DeactivateDocument);
  const errorMessage = useErrorMessage();
  const refresh = () => list.executeQuery({ requestPolicy: 'network-only' });
  const outcome = async (result: { error?: Parameters<typeof errorMessage>[0] }) => {
    if (result.error) return errorMessage(result.error);
    await refresh();
    return null;
  };
  return {
    staff: computed(() => list.data.value?.staffUsers ?? []),
    fetching: list.fetching,
    error: list.error,
    busy: computed(() => invite.fetching.value || change.fetching.value || deactivate.fetching.value),
    invite: async (input: { email: string; displayName: string; roles: Role[] }) => outcome(await invite.executeMutation({ input })),
    changeRoles: async (id: string, roles: Role[]) => outcome(await change.executeMutation({ id, roles })),
    deactivate: async (id: string) => outcome(await deactivate.executeMutation({ id })),
    refresh,
  };
}
