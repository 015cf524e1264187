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

const MoveSeriesDocument = graphql(`
  mutation CalendarMoveSeries($appointmentId: ID!, $scope: SeriesEditScope!, $startsAt: DateTimeISO!, $endsAt: DateTimeISO!) {
    editSeries(appointmentId: $appointmentId, scope: $scope, startsAt: $startsAt, endsAt: $endsAt) {
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

/** Recurring series from the calendar: booking one, and moving or cancelling part or all of one. */
export function useSeriesActions() {
  const book = useMutation(BookSeriesDocument);
  const cancel = useMutation(CancelSeriesDocument);
  const move = useMutation(MoveSeriesDocument);
  return {
    busy: computed(() => book.fetching.value || cancel.fetching.value || move.fetching.value),
    book: (input: BookAppointmentInput, repeat: Repeat) =>
      book.executeMutation({ input: { ...input, recurrence: { frequency: repeat.frequency || null, count: repeat.count }, skipConflicts: repeat.skipTaken } }),
    cancel: (appointmentId: string, scope: SeriesEditScope, reason: CancelReason) => cancel.executeMutation({ appointmentId, scope, reason }),
    /** Later sessions move by the same wall-clock change as this one. */
    move: (appointmentId: string, scope: SeriesEditScope, startsAt: string, endsAt: string) => move.executeMutation({ appointmentId, scope, startsAt, endsAt }),
  };
}

/** The series an appointment belongs to, if any (rule text for people, e.g. "every week"). */
export function useAppointmentSeries(id: () => string) {
  const query = useQuery({ query: AppointmentSeriesDocument, variables: computed(() => ({ id: id() })) });
  return computed(() => query.data.value?.appointment.series ?? null);
}
