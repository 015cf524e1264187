import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';

const VisitExtrasDocument = graphql(`
  query CalendarVisitExtras($id: ID!) {
    appointment(id: $id) {
      id
      modality
      meetingJoinUrl
      meetingHostUrl
      reminderDeliveries {
        channel
        offsetMinutes
        status
        reason
        attemptedAt
        deliveryStatus
        deliveryErrorCode
        deliveryUpdatedAt
      }
    }
  }
`);

const CreateMeetingLinkDocument = graphql(`
  mutation CalendarCreateMeetingLink($id: ID!) {
    createMeetingLink(id: $id) {
      id
      meetingJoinUrl
      meetingHostUrl
    }
  }
`);

/** An appointment's video links and reminder log, read when its details open. */
export function useVisitExtras(id: () => string) {
  const query = useQuery({ query: VisitExtrasDocument, variables: computed(() => ({ id: id() })), requestPolicy: 'cache-and-network' });
  const createLink = useMutation(CreateMeetingLinkDocument);
  return {
    fetching: query.fetching,
    appointment: computed(() => query.data.value?.appointment ?? null),
    creatingLink: createLink.fetching,
    createLink: () => createLink.executeMutation({ id: id() }),
  };
}
