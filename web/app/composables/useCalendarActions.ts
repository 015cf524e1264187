import { useMutation, type CombinedError } from '@urql/vue';
import { graphql } from '~/gql';
import type { AppointmentStatus, BookAppointmentInput, CancelReason } from '~/gql/graphql';
import type { CalendarAppointment } from './useCalendar';

const BookDocument = graphql(`
  mutation CalendarBook($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      ...CalendarAppointment
    }
  }
`);

const RescheduleDocument = graphql(`
  mutation CalendarReschedule($id: ID!, $startsAt: DateTimeISO!, $endsAt: DateTimeISO!) {
    rescheduleAppointment(id: $id, startsAt: $startsAt, endsAt: $endsAt) {
      ...CalendarAppointment
    }
  }
`);

const CancelDocument = graphql(`
  mutation CalendarCancel($id: ID!, $reason: CancelReason!, $note: String) {
    cancelAppointment(id: $id, reason: $reason, note: $note) {
      ...CalendarAppointment
    }
  }
`);

const SetStatusDocument = graphql(`
  mutation CalendarSetStatus($id: ID!, $status: AppointmentStatus!) {
    setAppointmentStatus(id: $id, status: $status) {
      ...CalendarAppointment
    }
  }
`);

/** A refused change, with the conflict reason (CLINICIAN_OVERLAP, ROOM_OVERLAP, CLIENT_OVERLAP, …) when there is one. */
export type CalendarFailure = { code: string | null; reason: string | null; message: string | null; error: CombinedError };
export type CalendarResult = { appointment: CalendarAppointment; failure: null } | { appointment: null; failure: CalendarFailure };

export function failureOf(error: CombinedError): CalendarFailure {
  const first = error.graphQLErrors[0];
  const extensions = (first?.extensions ?? {}) as { code?: string; reason?: string };
  return { code: extensions.code ?? null, reason: extensions.reason ?? null, message: first?.message ?? null, error };
}

function resultOf(appointment: CalendarAppointment | undefined, error: CombinedError | undefined): CalendarResult {
  if (appointment && !error) return { appointment, failure: null };
  return { appointment: null, failure: failureOf(error!) };
}

/** A sentence for a refused change: the conflict named (clinician, room or client), else the server's message. */
export function useCalendarConflictMessage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  return (failure: CalendarFailure): string => {
    const conflicts = t.calendar.conflict as Record<string, string>;
    if (failure.code === 'CONFLICT' && failure.reason && conflicts[failure.reason]) return conflicts[failure.reason]!;
    return errorMessage(failure.error) ?? t.errors.DEFAULT;
  };
}

/**
 * Booking, moving, cancelling and status changes from the calendar. Each resolves to the saved
 * appointment or a failure; `onSaved` lets the calendar show the server's answer at once.
 */
export function useCalendarActions(onSaved: (appointment: CalendarAppointment) => void) {
  const book = useMutation(BookDocument);
  const reschedule = useMutation(RescheduleDocument);
  const cancel = useMutation(CancelDocument);
  const setStatus = useMutation(SetStatusDocument);

  function settle(appointment: CalendarAppointment | undefined, error: CombinedError | undefined): CalendarResult {
    const result = resultOf(appointment, error);
    if (result.appointment) onSaved(result.appointment);
    return result;
  }

  return {
    busy: computed(() => book.fetching.value || reschedule.fetching.value || cancel.fetching.value || setStatus.fetching.value),
    async book(input: BookAppointmentInput) {
      const result = await book.executeMutation({ input });
      return settle(result.data?.bookAppointment, result.error);
    },
    async reschedule(id: string, startsAt: string, endsAt: string) {
      const result = await reschedule.executeMutation({ id, startsAt, endsAt });
      return settle(result.data?.rescheduleAppointment, result.error);
    },
    async cancel(id: string, reason: CancelReason, note: string | null) {
      const result = await cancel.executeMutation({ id, reason, note });
      return settle(result.data?.cancelAppointment, result.error);
    },
    async setStatus(id: string, status: AppointmentStatus) {
      const result = await setStatus.executeMutation({ id, status });
      return settle(result.data?.setAppointmentStatus, result.error);
    },
  };
}
