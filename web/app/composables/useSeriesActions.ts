import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';
import type { BookAppointmentInput, CancelReason, SeriesEditScope, SeriesFrequency } from '~/gql/graphql';

const BookSeriesDocument = graphql(`
  mutation CalendarBookSeries($input: BookSeriesInput!) {
    bookSeries(input: $input) {
      booked {
        ...CalendarAppointment
      }
      skipped {
        startsAt
        reason
      }
    }
  }
`);

const CancelSeriesDocument = graphql(`
  mutation CalendarCancelSeries($appointmentId: ID!, $scope: SeriesEditScope!, $reason: CancelReason!) {
    cancelSeries(appointmentId: $appointmentId, scope: $scope, reason: $reason) {
      ...CalendarAppointment
    }
  }
`);

const AppointmentSeriesDocument = graphql(`
  query CalendarAppointmentSeries($id: ID!) {
    appointment(id: $id) {
      id
      series {
        id
        rrule
      }
    }
  }
`);

export interface Repeat {
  frequency: SeriesFrequency | '';
  count: number;
  skipTaken: boolean;
}

/** Recurring series from the calendar: booking one, and cancelling part or all of one. */
export function useSeriesActions() {
  const book = useMutation(BookSeriesDocument);
  const cancel = useMutation(CancelSeriesDocument);
  return {
    busy: computed(() => book.fetching.value || cancel.fetching.value),
    book: (input: BookAppointmentInput, repeat: Repeat) =>
      book.executeMutation({ input: { ...input, recurrence: { frequency: repeat.frequency || null, count: repeat.count }, skipConflicts: repeat.skipTaken } }),
    cancel: (appointmentId: string, scope: SeriesEditScope, reason: CancelReason) => cancel.executeMutation({ appointmentId, scope, reason }),
  };
}

/** The series an appointment belongs to, if any (rule text for people, e.g. "every week"). */
export function useAppointmentSeries(id: () => string) {
  const query = useQuery({ query: AppointmentSeriesDocument, variables: computed(() => ({ id: id() })) });
  return computed(() => query.data.value?.appointment.series ?? null);
}
