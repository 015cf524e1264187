import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';

const ConnectionDocument = graphql(`
  query GoogleCalendarConnection {
    googleCalendarConnection {
      connected
      connectedAt
      lastSyncedAt
      lastError
    }
  }
`);

const StartDocument = graphql(`
  mutation StartGoogleCalendarConnection {
    startGoogleCalendarConnection
  }
`);

const CompleteDocument = graphql(`
  mutation CompleteGoogleCalendarConnection($code: String!, $state: String!) {
    completeGoogleCalendarConnection(code: $code, state: $state) {
      connected
      connectedAt
      lastSyncedAt
      lastError
    }
  }
`);

const DisconnectDocument = graphql(`
  mutation DisconnectGoogleCalendar {
    disconnectGoogleCalendar {
      connected
      connectedAt
      lastSyncedAt
      lastError
    }
  }
`);

type Failure = { graphQLErrors: { extensions?: Record<string, unknown> }[] } | null | undefined;
/** An installation without Google credentials is told so kindly, not with the server's wording. */
const notConfigured = (error: Failure) => error?.graphQLErrors.some((e) => e.extensions?.reason === 'PROVIDER_NOT_CONFIGURED') ?? false;

/** The signed-in clinician's Google Calendar connection; calls return an error sentence or null. */
export function useGoogleCalendar() {
  const t = useT();
  const status = useQuery({ query: ConnectionDocument, requestPolicy: 'cache-and-network' });
  const start = useMutation(StartDocument);
  const disconnect = useMutation(DisconnectDocument);
  const errorMessage = useErrorMessage();
  const sentence = (error: Parameters<typeof errorMessage>[0]) => (notConfigured(error) ? t.googleCalendar.notConfigured : errorMessage(error));
  return {
    connection: computed(() => status.data.value?.googleCalendarConnection ?? null),
    fetching: computed(() => status.fetching.value && !status.data.value),
    error: computed(() => errorMessage(status.error.value)),
    busy: computed(() => start.fetching.value || disconnect.fetching.value),
    /** Where to send the browser: Google's consent screen, which returns to /account/google-calendar. */
    async start(): Promise<{ url?: string; error?: string }> {
      const result = await start.executeMutation({});
      return result.data ? { url: result.data.startGoogleCalendarConnection } : { error: sentence(result.error) ?? '' };
    },
    async disconnect(): Promise<string | null> {
      const result = await disconnect.executeMutation({});
      return result.error ? sentence(result.error) : null;
    },
  };
}

/** Completes the connection with what Google sent back (the callback page). */
export function useGoogleCalendarCallback() {
  const t = useT();
  const complete = useMutation(CompleteDocument);
  const errorMessage = useErrorMessage();
  return async (code: string, state: string): Promise<string | null> => {
    const result = await complete.executeMutation({ code, state });
    if (notConfigured(result.error)) return t.googleCalendar.notConfigured;
    return result.error ? errorMessage(result.error) : null;
  };
}
