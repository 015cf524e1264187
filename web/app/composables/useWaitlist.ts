import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';
import type { Modality, WaitlistEntryInput, WaitlistEntriesQuery, WaitlistOfferViewFieldsFragment } from '~/gql/graphql';

const WaitlistSetupDocument = graphql(`
  query WaitlistSetup {
    me {
      id
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
    }
  }
`);

const WaitlistEntriesDocument = graphql(`
  query WaitlistEntries {
    waitlistEntries(status: ACTIVE) {
      id
      preferredClinicianIds
      preferredWeekdays
      earliestTime
      latestTime
      note
      status
      createdAt
      client {
        id
        firstName
        lastName
      }
      service {
        id
        name
      }
      offers {
        id
        startsAt
        endsAt
        expiresAt
        status
      }
    }
  }
`);

const AddToWaitlistDocument = graphql(`
  mutation AddToWaitlist($input: WaitlistEntryInput!) {
    addToWaitlist(input: $input) {
      id
    }
  }
`);

const RemoveFromWaitlistDocument = graphql(`
  mutation RemoveFromWaitlist($id: ID!) {
    removeFromWaitlist(id: $id) {
      id
      status
    }
  }
`);

export const WaitlistOfferViewFields = graphql(`
  fragment WaitlistOfferViewFields on WaitlistOfferView {
    startsAt
    endsAt
    expiresAt
    status
    clinicianName
    serviceName
    practiceName
    timeZone
  }
`);

const WaitlistOfferDocument = graphql(`
  query WaitlistOffer($token: String!) {
    waitlistOffer(token: $token) {
      ...WaitlistOfferViewFields
    }
  }
`);

const AcceptWaitlistOfferDocument = graphql(`
  mutation AcceptWaitlistOffer($token: String!, $modality: Modality!) {
    acceptWaitlistOffer(token: $token, modality: $modality) {
      ...WaitlistOfferViewFields
    }
  }
`);

const DeclineWaitlistOfferDocument = graphql(`
  mutation DeclineWaitlistOffer($token: String!) {
    declineWaitlistOffer(token: $token) {
      ...WaitlistOfferViewFields
    }
  }
`);

export type WaitlistEntry = WaitlistEntriesQuery['waitlistEntries'][number];
export type WaitlistOfferView = WaitlistOfferViewFieldsFragment;

/** The practice's active waitlist with what the add form chooses from; calls return an error sentence or null. */
export function useWaitlist() {
  const setup = useQuery({ query: WaitlistSetupDocument });
  const list = useQuery({ query: WaitlistEntriesDocument, requestPolicy: 'cache-and-network' });
  const add = useMutation(AddToWaitlistDocument);
  const remove = useMutation(RemoveFromWaitlistDocument);
  const errorMessage = useErrorMessage();
  const refresh = () => list.executeQuery({ requestPolicy: 'network-only' });
  const outcome = async (result: { error?: Parameters<typeof errorMessage>[0] }) => {
    if (result.error) return errorMessage(result.error);
    await refresh();
    return null;
  };
  return {
    timeZone: computed(() => setup.data.value?.me.practice.timeZone ?? 'UTC'),
    clinicians: computed(() => (setup.data.value?.staffUsers ?? []).filter((user) => user.roles.includes('CLINICIAN'))),
    services: computed(() => setup.data.value?.services ?? []),
    entries: computed(() => list.data.value?.waitlistEntries ?? []),
    fetching: computed(() => list.fetching.value && !list.data.value),
    error: computed(() => list.error.value ?? setup.error.value),
    busy: computed(() => add.fetching.value || remove.fetching.value),
    add: async (input: WaitlistEntryInput) => outcome(await add.executeMutation({ input })),
    remove: async (id: string) => outcome(await remove.executeMutation({ id })),
  };
}

/** The public offer behind an emailed link: no sign-in, the token is the credential. */
export function useWaitlistOffer(token: string) {
  const view = useQuery({ query: WaitlistOfferDocument, variables: { token }, requestPolicy: 'network-only' });
  const accept = useMutation(AcceptWaitlistOfferDocument);
  const decline = useMutation(DeclineWaitlistOfferDocument);
  const errorMessage = useErrorMessage();
  const answer = (result: { data?: { acceptWaitlistOffer?: WaitlistOfferView; declineWaitlistOffer?: WaitlistOfferView } | null; error?: Parameters<typeof errorMessage>[0] }) => {
    const reason = result.error?.graphQLErrors[0]?.extensions?.reason;
    return {
      offer: result.data?.acceptWaitlistOffer ?? result.data?.declineWaitlistOffer ?? null,
      /** OFFER_CLOSED or SLOT_TAKEN: the page says so in its own words. */
      reason: typeof reason === 'string' ? reason : null,
      error: errorMessage(result.error),
    };
  };
  return {
    offer: computed(() => view.data.value?.waitlistOffer ?? null),
    fetching: view.fetching,
    notFound: computed(() => view.error.value?.graphQLErrors.some((error) => error.extensions?.code === 'NOT_FOUND' || error.extensions?.code === 'BAD_USER_INPUT') ?? false),
    error: computed(() => errorMessage(view.error.value)),
    busy: computed(() => accept.fetching.value || decline.fetching.value),
    accept: async (modality: Modality) => answer(await accept.executeMutation({ token, modality })),
    decline: async () => answer(await decline.executeMutation({ token })),
  };
}

const MONDAY = Date.UTC(2024, 0, 1); // a Monday: ISO weekday n is n - 1 days later

/** A waitlist entry's wishes and offers in words, times in the practice's zone. */
export function useWaitlistWords(timeZone: () => string, clinicianName: (id: string) => string | undefined) {
  const t = useT();
  const weekday = (iso: number) => new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' }).format(new Date(MONDAY + (iso - 1) * 86_400_000));
  const window = (from?: string | null, until?: string | null) => {
    if (from && until) return `${from}–${until}`;
    if (from) return t.waitlist.from(from);
    if (until) return t.waitlist.until(until);
    return t.waitlist.anyTime;
  };
  return {
    /** "Mon, Wed · 09:00–12:00 · Dr. Patel or Dr. Chen" */
    preferences(entry: Pick<WaitlistEntry, 'preferredWeekdays' | 'earliestTime' | 'latestTime' | 'preferredClinicianIds'>) {
      const days = entry.preferredWeekdays.length ? [...entry.preferredWeekdays].sort().map(weekday).join(', ') : t.waitlist.anyDay;
      const names = entry.preferredClinicianIds.map((id) => clinicianName(id) ?? t.waitlist.formerClinician);
      const who = names.length ? names.join(t.waitlist.or) : t.waitlist.anyClinician;
      return [days, window(entry.earliestTime, entry.latestTime), who].join(' · ');
    },
    dateTime(iso: string) {
      return new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: timeZone() }).format(new Date(iso));
    },
    date(iso: string) {
      return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: timeZone() }).format(new Date(iso));
    },
  };
}
