import { useMutation, useQuery, type CombinedError } from '@urql/vue';
import type { Ref } from 'vue';
import { graphql } from '~/gql';
import type { Modality } from '~/gql/graphql';

// The public booking flow (no sign-in): page → free times → hold → details → confirmation.
// The hold id is the only proof of the hold, so it lives in component state, never in the URL.
const BookingPageDocument = graphql(`
  query OnlineBookingPage($practiceId: ID!) {
    onlineBookingPage(practiceId: $practiceId) {
      practiceName
      timeZone
      services {
        id
        name
        durationMinutes
        modalities
      }
      clinicians {
        id
        displayName
      }
    }
  }
`);

// Free times grouped by clinician: the clinician and the slot length come once per clinician, not
// once per time (a week of "anyone" on a large practice is hundreds of times).
const OnlineAvailabilityDocument = graphql(`
  query OnlineAvailability($practiceId: ID!, $serviceId: ID!, $clinicianId: ID, $from: DateTimeISO!, $to: DateTimeISO!) {
    onlineAvailabilityByClinician(practiceId: $practiceId, serviceId: $serviceId, clinicianId: $clinicianId, from: $from, to: $to) {
      clinician {
        id
        displayName
      }
      durationMinutes
      starts
    }
  }
`);

const HoldSlotDocument = graphql(`
  mutation HoldOnlineSlot($practiceId: ID!, $serviceId: ID!, $clinicianId: ID!, $startsAt: DateTimeISO!, $replacesHoldId: String) {
    holdOnlineSlot(practiceId: $practiceId, serviceId: $serviceId, clinicianId: $clinicianId, startsAt: $startsAt, replacesHoldId: $replacesHoldId) {
      holdId
      expiresAt
      startsAt
      endsAt
    }
  }
`);

const SubmitDetailsDocument = graphql(`
  mutation SubmitOnlineBookingDetails($holdId: String!, $details: OnlineBookingDetailsInput!) {
    submitOnlineBookingDetails(holdId: $holdId, details: $details)
  }
`);

const ConfirmBookingDocument = graphql(`
  mutation ConfirmOnlineBooking($holdId: String!, $modality: Modality!) {
    confirmOnlineBooking(holdId: $holdId, modality: $modality) {
      appointmentId
      startsAt
      endsAt
      serviceName
      clinicianName
      modality
      practiceName
      timeZone
    }
  }
`);

export type ClinicianTimes = { clinician: { id: string; displayName: string }; durationMinutes: number; starts: string[] };
export type OnlineSlot = { clinicianId: string; clinicianName: string; startsAt: string; endsAt: string };
export type SlotHold = { holdId: string; expiresAt: string; startsAt: string; endsAt: string; clinicianId: string; clinicianName: string };
export type BookingDetails = { firstName: string; lastName: string; dateOfBirth: string; email: string; phone: string };
/** What went wrong: the API's reason (SLOT_TAKEN, HOLD_EXPIRED…) when it gave one, and a sentence. */
export type BookingProblem = { reason: string | null; message: string };

const DAY_MS = 86_400_000;

export function useOnlineBooking(practiceId: Ref<string>) {
  const errorMessage = useErrorMessage();
  const problem = (error: CombinedError): BookingProblem => ({
    reason: (error.graphQLErrors[0]?.extensions?.reason as string | undefined) ?? (error.graphQLErrors[0]?.extensions?.code as string | undefined) ?? null,
    message: errorMessage(error) ?? '',
  });

  const page = useQuery({ query: BookingPageDocument, variables: computed(() => ({ practiceId: practiceId.value })) });

  const serviceId = ref<string | null>(null);
  const clinicianId = ref<string | null>(null);
  // Free times are shown a week at a time from "now"; weekOffset pages forward.
  const weekOffset = ref(0);
  const windowStart = ref(Date.now());
  const from = computed(() => new Date(windowStart.value + weekOffset.value * 7 * DAY_MS).toISOString());
  const to = computed(() => new Date(windowStart.value + (weekOffset.value + 1) * 7 * DAY_MS).toISOString());
  const availability = useQuery({
    query: OnlineAvailabilityDocument,
    variables: computed(() => ({ practiceId: practiceId.value, serviceId: serviceId.value ?? '', clinicianId: clinicianId.value, from: from.value, to: to.value })),
    pause: computed(() => !serviceId.value),
    requestPolicy: 'network-only',
  });

  const groups = computed<ClinicianTimes[]>(() => availability.data.value?.onlineAvailabilityByClinician ?? []);

  const hold = ref<SlotHold | null>(null);
  const holdMutation = useMutation(HoldSlotDocument);
  const detailsMutation = useMutation(SubmitDetailsDocument);
  const confirmMutation = useMutation(ConfirmBookingDocument);

  return {
    page: computed(() => page.data.value?.onlineBookingPage ?? null),
    pageFetching: page.fetching,
    /** NOT_FOUND for an unknown link; another problem (network…) otherwise. */
    pageProblem: computed(() => (page.error.value ? problem(page.error.value) : null)),
    serviceId,
    clinicianId,
    weekOffset,
    from,
    to,
    /** Every free time of the week, earliest first, each with its clinician (the chosen one's only). */
    slots: computed<OnlineSlot[]>(() => spreadTimes(groups.value.filter((group) => !clinicianId.value || group.clinician.id === clinicianId.value))),
    /**
     * Each clinician's first free time in the coming week, while no clinician is chosen yet (the
     * "anyone" answer has them all); null until that answer is in.
     */
    firstFree: computed<Map<string, string> | null>(() => {
      if (clinicianId.value || weekOffset.value !== 0 || !availability.data.value || availability.fetching.value) return null;
      return new Map(groups.value.map((group) => [group.clinician.id, group.starts[0]!]));
    }),
    slotsFetching: availability.fetching,
    slotsProblem: computed(() => (availability.error.value ? problem(availability.error.value) : null)),
    refreshSlots: () => availability.executeQuery({ requestPolicy: 'network-only' }),
    hold,
    busy: computed(() => holdMutation.fetching.value || detailsMutation.fetching.value || confirmMutation.fetching.value),

    /** Holds a time for ten minutes; a hold already taken is replaced rather than left to block the client's own choice. */
    async holdSlot(slot: OnlineSlot): Promise<BookingProblem | null> {
      const result = await holdMutation.executeMutation({
        practiceId: practiceId.value,
        serviceId: serviceId.value ?? '',
        clinicianId: slot.clinicianId,
        startsAt: slot.startsAt,
        replacesHoldId: hold.value?.holdId ?? null,
      });
      if (result.error || !result.data) return problem(result.error!);
      hold.value = { ...result.data.holdOnlineSlot, clinicianId: slot.clinicianId, clinicianName: slot.clinicianName };
      return null;
    },

    async submitDetails(details: BookingDetails): Promise<BookingProblem | null> {
      if (!hold.value) return { reason: 'HOLD_EXPIRED', message: '' };
      const result = await detailsMutation.executeMutation({ holdId: hold.value.holdId, details });
      return result.error ? problem(result.error) : null;
    },

    async confirm(modality: Modality) {
      if (!hold.value) return { problem: { reason: 'HOLD_EXPIRED', message: '' } as BookingProblem, confirmation: null };
      const result = await confirmMutation.executeMutation({ holdId: hold.value.holdId, modality });
      if (result.error || !result.data) return { problem: problem(result.error!), confirmation: null };
      return { problem: null, confirmation: result.data.confirmOnlineBooking };
    },

    /** The hold lapsed or was lost: forget it and look at fresh times. */
    dropHold() {
      hold.value = null;
      void availability.executeQuery({ requestPolicy: 'network-only' });
    },
  };
}

/** The grouped answer as one list of times, earliest first (ties by clinician id, as the API orders them). */
function spreadTimes(groups: ClinicianTimes[]): OnlineSlot[] {
  const slots = groups.flatMap(({ clinician, durationMinutes, starts }) =>
    starts.map((startsAt) => ({ clinicianId: clinician.id, clinicianName: clinician.displayName, startsAt, endsAt: new Date(Date.parse(startsAt) + durationMinutes * 60_000).toISOString() })),
  );
  return slots.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.clinicianId < b.clinicianId ? -1 : a.clinicianId > b.clinicianId ? 1 : 0));
}

/** Date and time formatting in the practice's zone, whatever the visitor's device says. */
export function practiceTime(timeZone: string) {
  const day = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric' });
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' });
  const key = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    day: (iso: string) => day.format(new Date(iso)),
    time: (iso: string) => time.format(new Date(iso)),
    dayKey: (iso: string) => key.format(new Date(iso)),
  };
}
