import { useQuery } from '@urql/vue';
import { graphql } from '~/gql';

const TodayDocument = graphql(`
  query Today($from: DateTimeISO!, $to: DateTimeISO!) {
    me {
      id
      displayName
      practice {
        name
        timeZone
      }
    }
    appointments(from: $from, to: $to) {
      id
      startsAt
      endsAt
      status
      client {
        id
        firstName
        lastName
      }
      note {
        id
        status
      }
    }
  }
`);

/** The signed-in clinician's appointments for the current day in the browser's time zone. */
export function useToday() {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  const query = useQuery({ query: TodayDocument, variables: { from: start.toISOString(), to: end.toISOString() } });
  return {
    fetching: query.fetching,
    error: query.error,
    me: computed(() => query.data.value?.me ?? null),
    appointments: computed(() => query.data.value?.appointments ?? []),
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
