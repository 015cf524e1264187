import { useQuery, useSubscription } from '@urql/vue';
import type { Ref } from 'vue';
import { graphql } from '~/gql';
import type { CalendarAppointmentFragment, CalendarSetupQuery } from '~/gql/graphql';

const CalendarSetupDocument = graphql(`
  query CalendarSetup {
    me {
      id
      roles
      practice {
        timeZone
      }
    }
    staffUsers {
      id
      displayName
      roles
    }
    services {
      id
      name
      durationMinutes
      modalities
    }
    rooms {
      id
      name
    }
    schedulingPolicy {
      lateCancelHours
    }
  }
`);

// One shape for the list, the live events and the mutation results, so they merge by id.
export const CalendarAppointmentFields = graphql(`
  fragment CalendarAppointment on Appointment {
    id
    startsAt
    endsAt
    status
    modality
    lateCancel
    cancelReason
    cancelNote
    checkedInAt
    client {
      id
      firstName
      lastName
    }
    clinician {
      id
      displayName
    }
    service {
      id
      name
      durationMinutes
    }
    room {
      id
      name
    }
    series {
      id
    }
    charge {
      id
      amountCents
      cptCode
    }
  }
`);

const CalendarAppointmentsDocument = graphql(`
  query CalendarAppointments($from: DateTimeISO!, $to: DateTimeISO!, $clinicianId: ID) {
    appointments(from: $from, to: $to, clinicianId: $clinicianId) {
      ...CalendarAppointment
    }
  }
`);

const CalendarAppointmentChangedDocument = graphql(`
  subscription CalendarAppointmentChanged($from: DateTimeISO!, $to: DateTimeISO!) {
    appointmentChanged(from: $from, to: $to) {
      ...CalendarAppointment
    }
  }
`);

export type CalendarAppointment = CalendarAppointmentFragment;
/** What the booking form chooses from. */
export type CalendarSetupData = {
  clinicians: CalendarSetupQuery['staffUsers'];
  services: CalendarSetupQuery['services'];
  rooms: CalendarSetupQuery['rooms'];
};
export type CalendarRange = { from: string; to: string };

/** Roles that see charges (the API gives others null, which must not read as "not charged"). */
const SEES_CHARGES = ['ADMIN', 'BILLING', 'FRONT_DESK', 'CLINICIAN'];

/** Roles that book, move, cancel and check in (the API refuses the others). */
const DIARY_WRITERS = ['ADMIN', 'CLINICIAN', 'FRONT_DESK'];

/** Roles that see every clinician's diary (a clinician alone sees their own unless they pick another). */
const SEES_EVERYONE = ['ADMIN', 'FRONT_DESK', 'SUPERVISOR', 'BILLING'];

/** The practice's time zone, clinicians, services, rooms and policy: everything the calendar's dialogs need. */
export function useCalendarSetup() {
  const query = useQuery({ query: CalendarSetupDocument });
  const setup = computed(() => query.data.value ?? null);
  return {
    fetching: query.fetching,
    error: query.error,
    timeZone: computed(() => setup.value?.me.practice.timeZone ?? null),
    me: computed(() => setup.value?.me ?? null),
    canWrite: computed(() => (setup.value?.me.roles ?? []).some((role) => DIARY_WRITERS.includes(role))),
    seesCharges: computed(() => (setup.value?.me.roles ?? []).some((role) => SEES_CHARGES.includes(role))),
    seesEveryone: computed(() => (setup.value?.me.roles ?? []).some((role) => SEES_EVERYONE.includes(role))),
    clinicians: computed(() => (setup.value?.staffUsers ?? []).filter((user) => user.roles.includes('CLINICIAN'))),
    services: computed(() => setup.value?.services ?? []),
    rooms: computed(() => setup.value?.rooms ?? []),
    lateCancelHours: computed(() => setup.value?.schedulingPolicy.lateCancelHours ?? 24),
  };
}

/**
 * The appointments of the visible range (one clinician or all), kept current by appointmentChanged:
 * a change by anyone is applied at once and the range refetched shortly after, so moves out of the
 * window (which the subscription does not report) disappear too.
 */
export function useCalendarAppointments(range: Ref<CalendarRange | null>, clinicianId: Ref<string | null>) {
  const variables = computed(() => ({ from: range.value?.from ?? '', to: range.value?.to ?? '', clinicianId: clinicianId.value }));
  const query = useQuery({ query: CalendarAppointmentsDocument, variables, pause: computed(() => !range.value) });
  // Changes seen after the last list was asked for; they win over the (older) list until it is refetched.
  const changes = ref(new Map<string, { appointment: CalendarAppointment; seenAt: number }>());
  let refetchAskedAt = 0;
  let refetchTimer: ReturnType<typeof setTimeout> | undefined;

  function refetch() {
    refetchAskedAt = Date.now();
    query.executeQuery({ requestPolicy: 'network-only' });
  }
  function scheduleRefetch() {
    clearTimeout(refetchTimer);
    refetchTimer = setTimeout(refetch, 300);
  }
  /** Records a confirmed change (a mutation result or a live event) and shows it right away. */
  function apply(appointment: CalendarAppointment) {
    const next = new Map(changes.value);
    next.set(appointment.id, { appointment, seenAt: Date.now() });
    changes.value = next;
    scheduleRefetch();
  }

  watch(query.data, () => {
    const next = new Map([...changes.value].filter(([, change]) => change.seenAt >= refetchAskedAt));
    if (next.size !== changes.value.size) changes.value = next;
  });
  watch(variables, () => {
    changes.value = new Map();
  });

  const subscription = useSubscription(
    { query: CalendarAppointmentChangedDocument, variables: computed(() => ({ from: variables.value.from, to: variables.value.to })), pause: computed(() => !range.value) },
    (_previous, event) => {
      apply(event.appointmentChanged);
      return event;
    },
  );
  onBeforeUnmount(() => clearTimeout(refetchTimer));

  const appointments = computed<CalendarAppointment[]>(() => {
    const byId = new Map((query.data.value?.appointments ?? []).map((appointment) => [appointment.id, appointment]));
    for (const { appointment } of changes.value.values()) {
      if (!clinicianId.value || appointment.clinician.id === clinicianId.value) byId.set(appointment.id, appointment);
      else byId.delete(appointment.id);
    }
    return [...byId.values()];
  });

  return {
    appointments,
    fetching: query.fetching,
    error: query.error,
    live: computed(() => !subscription.error.value),
    apply,
    refetch,
  };
}
