import { useQuery } from '@urql/vue';
import type { Ref } from 'vue';
import { graphql } from '~/gql';

const CalendarFreeTimesDocument = graphql(`
  query CalendarFreeTimes($serviceId: ID!, $clinicianId: ID, $from: DateTimeISO!, $to: DateTimeISO!) {
    availabilityByClinician(serviceId: $serviceId, clinicianId: $clinicianId, from: $from, to: $to) {
      clinician {
        id
        displayName
      }
      durationMinutes
      starts
    }
  }
`);

/** How far ahead "find a time" looks: the API allows at most 35 days per question. */
const LOOK_AHEAD_DAYS = 28;
const SHOWN = 8;

/** The next free times for a service and clinician, from `from` on; asked for only while there is a request. */
export function useCalendarFreeTimes(request: Ref<{ serviceId: string; clinicianId: string | null; from: string } | null>) {
  const variables = computed(() => {
    const from = request.value ? new Date(request.value.from) : new Date();
    return {
      serviceId: request.value?.serviceId ?? '',
      clinicianId: request.value?.clinicianId ?? null,
      from: from.toISOString(),
      to: new Date(from.getTime() + LOOK_AHEAD_DAYS * 86_400_000).toISOString(),
    };
  });
  const query = useQuery({ query: CalendarFreeTimesDocument, variables, pause: computed(() => !request.value), requestPolicy: 'network-only' });
  // Grouped by clinician (a few objects, not thousands of slots, each naming its clinician): the
  // earliest SHOWN times across everyone, as slots.
  const slots = computed(() => {
    if (!request.value) return [];
    const all = (query.data.value?.availabilityByClinician ?? []).flatMap(({ clinician, durationMinutes, starts }) =>
      starts.map((startsAt) => ({ clinician, startsAt: String(startsAt), endsAt: new Date(new Date(startsAt).getTime() + durationMinutes * 60_000).toISOString() })),
    );
    return all.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.clinician.displayName.localeCompare(b.clinician.displayName)).slice(0, SHOWN);
  });
  return { fetching: query.fetching, error: query.error, slots };
}
