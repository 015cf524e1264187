import { useMutation, useQuery, type CombinedError } from '@urql/vue';
import { graphql } from '~/gql';
import type { RoomInput, SchedulingPolicyInput, ServiceInput } from '~/gql/graphql';

// Admin setup of what can be booked: services (appointment types), rooms and the scheduling rules.
// Every write returns an error sentence (the API's message for refused input) or null.
const SetupServicesDocument = graphql(`
  query SetupServices {
    services(includeInactive: true) {
      id
      name
      durationMinutes
      cptCode
      priceCents
      bookableOnline
      modalities
      active
    }
  }
`);

const SetupCreateServiceDocument = graphql(`
  mutation SetupCreateService($input: ServiceInput!) {
    createService(input: $input) {
      id
    }
  }
`);

const SetupUpdateServiceDocument = graphql(`
  mutation SetupUpdateService($id: ID!, $input: ServiceInput!) {
    updateService(id: $id, input: $input) {
      id
    }
  }
`);

const SetupRoomsDocument = graphql(`
  query SetupRooms {
    rooms(includeInactive: true) {
      id
      name
      active
    }
  }
`);

const SetupCreateRoomDocument = graphql(`
  mutation SetupCreateRoom($input: RoomInput!) {
    createRoom(input: $input) {
      id
    }
  }
`);

const SetupUpdateRoomDocument = graphql(`
  mutation SetupUpdateRoom($id: ID!, $input: RoomInput!) {
    updateRoom(id: $id, input: $input) {
      id
    }
  }
`);

const SetupPolicyDocument = graphql(`
  query SetupSchedulingPolicy {
    schedulingPolicy {
      lateCancelHours
      minimumNoticeHours
      bookingHorizonDays
      slotStepMinutes
    }
  }
`);

const SetupUpdatePolicyDocument = graphql(`
  mutation SetupUpdateSchedulingPolicy($input: SchedulingPolicyInput!) {
    updateSchedulingPolicy(input: $input) {
      lateCancelHours
      minimumNoticeHours
      bookingHorizonDays
      slotStepMinutes
    }
  }
`);

/** Runs a write and, when it worked, reloads the list it changed. */
function useWrite() {
  const errorMessage = useErrorMessage();
  return async (result: Promise<{ error?: CombinedError }>, reload?: () => unknown) => {
    const { error } = await result;
    if (error) return errorMessage(error);
    await reload?.();
    return null;
  };
}

export function useServiceSetup() {
  const list = useQuery({ query: SetupServicesDocument, requestPolicy: 'cache-and-network' });
  const create = useMutation(SetupCreateServiceDocument);
  const update = useMutation(SetupUpdateServiceDocument);
  const write = useWrite();
  const reload = () => list.executeQuery({ requestPolicy: 'network-only' });
  return {
    services: computed(() => list.data.value?.services ?? []),
    fetching: list.fetching,
    error: list.error,
    saving: computed(() => create.fetching.value || update.fetching.value),
    save: (input: ServiceInput, id?: string) => write(id ? update.executeMutation({ id, input }) : create.executeMutation({ input }), reload),
  };
}

export function useRoomSetup() {
  const list = useQuery({ query: SetupRoomsDocument, requestPolicy: 'cache-and-network' });
  const create = useMutation(SetupCreateRoomDocument);
  const update = useMutation(SetupUpdateRoomDocument);
  const write = useWrite();
  const reload = () => list.executeQuery({ requestPolicy: 'network-only' });
  return {
    rooms: computed(() => list.data.value?.rooms ?? []),
    fetching: list.fetching,
    error: list.error,
    saving: computed(() => create.fetching.value || update.fetching.value),
    save: (input: RoomInput, id?: string) => write(id ? update.executeMutation({ id, input }) : create.executeMutation({ input }), reload),
  };
}

export function useSchedulingPolicy() {
  const policy = useQuery({ query: SetupPolicyDocument, requestPolicy: 'cache-and-network' });
  const update = useMutation(SetupUpdatePolicyDocument);
  const write = useWrite();
  return {
    policy: computed(() => policy.data.value?.schedulingPolicy ?? null),
    fetching: policy.fetching,
    error: policy.error,
    saving: update.fetching,
    save: (input: SchedulingPolicyInput) => write(update.executeMutation({ input })),
  };
}

/** "150", "150.5" or "150.00" dollars → cents; null when it is not an amount. */
export function dollarsToCents(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export const centsToDollars = (cents: number) => (cents / 100).toFixed(2);
