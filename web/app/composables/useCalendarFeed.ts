import { useMutation } from '@urql/vue';
import { graphql } from '~/gql';

const CreateDocument = graphql(`
  mutation CreateCalendarFeed {
    createCalendarFeed {
      url
    }
  }
`);

const RevokeDocument = graphql(`
  mutation RevokeCalendarFeeds {
    revokeCalendarFeeds
  }
`);

/** The clinician's private calendar subscription link; calls return an error sentence or null. */
export function useCalendarFeed() {
  const create = useMutation(CreateDocument);
  const revoke = useMutation(RevokeDocument);
  const errorMessage = useErrorMessage();
  return {
    busy: computed(() => create.fetching.value || revoke.fetching.value),
    async create(): Promise<{ url?: string; error?: string }> {
      const result = await create.executeMutation({});
      return result.data ? { url: result.data.createCalendarFeed.url } : { error: errorMessage(result.error) ?? '' };
    },
    async revoke(): Promise<string | null> {
      const result = await revoke.executeMutation({});
      return result.error ? errorMessage(result.error) : null;
    },
  };
}
