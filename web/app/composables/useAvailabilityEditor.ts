import { useMutation, useQuery } from '@urql/vue';
import type { Ref } from 'vue';
import { graphql } from '~/gql';
import type { AvailabilityExceptionKind, WorkingHoursBlockInput } from '~/gql/graphql';

// A clinician's weekly hours and dated exceptions. The API lets clinicians change only their own;
// admins and the front desk choose whose.
const AvailabilitySetupDocument = graphql(`
  query AvailabilitySetup {
    currentPractice {
      id
      timeZone
    }
    staffUsers {
      id
      displayName
      roles
    }
  }
`);

const WorkingHoursDocument = graphql(`
  query AvailabilityWorkingHours($clinicianId: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
    workingHours(clinicianId: $clinicianId) {
      weekday
      startTime
      endTime
    }
    availabilityExceptions(clinicianId: $clinicianId, from: $from, to: $to) {
      id
      kind
      startsAt
      endsAt
      label
    }
  }
`);

const SetWorkingHoursDocument = graphql(`
  mutation AvailabilitySetWorkingHours($clinicianId: ID!, $blocks: [WorkingHoursBlockInput!]!) {
    setWorkingHours(clinicianId: $clinicianId, blocks: $blocks) {
      weekday
      startTime
      endTime
    }
  }
`);

const AddExceptionDocument = graphql(`
  mutation AvailabilityAddException($input: AvailabilityExceptionInput!) {
    addAvailabilityException(input: $input) {
      id
    }
  }
`);

const RemoveExceptionDocument = graphql(`
  mutation AvailabilityRemoveException($id: ID!) {
    removeAvailabilityException(id: $id)
  }
`);

const YEAR_MS = 365 * 86_400_000;

export function useAvailabilityEditor(clinicianId: Ref<string | null>) {
  const errorMessage = useErrorMessage();
  const setup = useQuery({ query: AvailabilitySetupDocument });
  // The window is fixed when the page opens: exceptions from now for a year.
  const from = new Date().toISOString();
  const to = new Date(Date.now() + YEAR_MS).toISOString();
  const hours = useQuery({
    query: WorkingHoursDocument,
    variables: computed(() => ({ clinicianId: clinicianId.value ?? '', from, to })),
    pause: computed(() => !clinicianId.value),
    requestPolicy: 'network-only',
  });
  const setHours = useMutation(SetWorkingHoursDocument);
  const add = useMutation(AddExceptionDocument);
  const remove = useMutation(RemoveExceptionDocument);
  const reload = () => hours.executeQuery({ requestPolicy: 'network-only' });

  return {
    practice: computed(() => setup.data.value?.currentPractice ?? null),
    clinicians: computed(() => (setup.data.value?.staffUsers ?? []).filter((user) => user.roles.includes('CLINICIAN'))),
    setupError: computed(() => errorMessage(setup.error.value)),
    blocks: computed(() => hours.data.value?.workingHours ?? null),
    exceptions: computed(() => hours.data.value?.availabilityExceptions ?? []),
    fetching: hours.fetching,
    loadError: computed(() => errorMessage(hours.error.value)),
    saving: computed(() => setHours.fetching.value || add.fetching.value || remove.fetching.value),
    async saveWeek(blocks: WorkingHoursBlockInput[]) {
      const result = await setHours.executeMutation({ clinicianId: clinicianId.value!, blocks });
      if (result.error) return errorMessage(result.error);
      await reload();
      return null;
    },
    async addException(input: { kind: AvailabilityExceptionKind; startsAt: string; endsAt: string; label: string | null }) {
      const result = await add.executeMutation({ input: { ...input, clinicianId: clinicianId.value! } });
      if (result.error) return errorMessage(result.error);
      await reload();
      return null;
    },
    async removeException(id: string) {
      const result = await remove.executeMutation({ id });
      if (result.error) return errorMessage(result.error);
      await reload();
      return null;
    },
  };
}
