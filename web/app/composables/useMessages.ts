import { useMutation, useQuery, useSubscription } from '@urql/vue';
import type { Ref } from 'vue';
import { graphql } from '~/gql';

const ThreadsDocument = graphql(`
  query Threads {
    threads {
      id
      subject
      lastMessageAt
      client {
        id
        firstName
        lastName
      }
    }
  }
`);

const ThreadDocument = graphql(`
  query Thread($id: ID!) {
    thread(id: $id) {
      id
      subject
      client {
        id
        firstName
        lastName
      }
      messages {
        id
        body
        createdAt
        senderKind
        sender {
          id
          displayName
        }
      }
    }
  }
`);

const SendMessageDocument = graphql(`
  mutation SendMessage($threadId: ID!, $body: String!) {
    sendMessage(threadId: $threadId, body: $body) {
      id
      body
      createdAt
      senderKind
      sender {
        id
        displayName
      }
    }
  }
`);

const MessageAddedDocument = graphql(`
  subscription MessageAdded($threadId: ID!) {
    messageAdded(threadId: $threadId) {
      id
      body
      createdAt
      senderKind
      sender {
        id
        displayName
      }
    }
  }
`);

export function useThreads() {
  const query = useQuery({ query: ThreadsDocument });
  return { fetching: query.fetching, error: query.error, threads: computed(() => query.data.value?.threads ?? []) };
}

/** sender is the staff member; null when the client wrote it from the portal (senderKind CLIENT). */
export type ThreadMessage = { id: string; body: string; createdAt: string; senderKind: 'STAFF' | 'CLIENT'; sender?: { id: string; displayName: string } | null };

/** One thread, kept current by the messageAdded subscription; messages are unique by id. */
export function useThread(threadId: Ref<string>) {
  const query = useQuery({ query: ThreadDocument, variables: computed(() => ({ id: threadId.value })) });
  const arrived = ref<ThreadMessage[]>([]);
  const subscription = useSubscription({ query: MessageAddedDocument, variables: computed(() => ({ threadId: threadId.value })) }, (_previous, event) => {
    arrived.value = [...arrived.value, event.messageAdded];
    return event;
  });
  const send = useMutation(SendMessageDocument);

  const messages = computed<ThreadMessage[]>(() => {
    const byId = new Map<string, ThreadMessage>();
    for (const message of [...(query.data.value?.thread.messages ?? []), ...arrived.value]) byId.set(message.id, message);
    return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  });

  return {
    fetching: query.fetching,
    error: query.error,
    thread: computed(() => query.data.value?.thread ?? null),
    messages,
    live: computed(() => !subscription.error.value),
    sending: send.fetching,
    async send(body: string) {
      const result = await send.executeMutation({ threadId: threadId.value, body });
      if (result.data) arrived.value = [...arrived.value, result.data.sendMessage];
      return result.error ?? null;
    },
  };
}
