import { useMutation, useQuery, useSubscription } from '@urql/vue';
import type { Ref } from 'vue';
import { graphql } from '~/gql';

// The signed-in client's side of messaging. The API scopes every call to the client's own threads;
// these documents ask only for what a client may see (staff by name, never the client record).
const PortalHomeDocument = graphql(`
  query PortalHome {
    portalMe {
      id
      email
      practice {
        id
        name
      }
    }
    threads {
      id
      subject
      lastMessageAt
    }
  }
`);

const PortalThreadDocument = graphql(`
  query PortalThread($id: ID!) {
    thread(id: $id) {
      id
      subject
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

const PortalSendMessageDocument = graphql(`
  mutation PortalSendMessage($threadId: ID!, $body: String!) {
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

const PortalMessageAddedDocument = graphql(`
  subscription PortalMessageAdded($threadId: ID!) {
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

export type PortalMessage = { id: string; body: string; createdAt: string; senderKind: 'STAFF' | 'CLIENT'; sender?: { id: string; displayName: string } | null };

export function usePortalHome() {
  const query = useQuery({ query: PortalHomeDocument });
  return {
    fetching: query.fetching,
    error: query.error,
    account: computed(() => query.data.value?.portalMe ?? null),
    threads: computed(() => query.data.value?.threads ?? []),
  };
}

/** One of the client's threads, kept current by the messageAdded subscription; messages are unique by id. */
export function usePortalThread(threadId: Ref<string>) {
  const query = useQuery({ query: PortalThreadDocument, variables: computed(() => ({ id: threadId.value })) });
  const arrived = ref<PortalMessage[]>([]);
  const subscription = useSubscription({ query: PortalMessageAddedDocument, variables: computed(() => ({ threadId: threadId.value })) }, (_previous, event) => {
    arrived.value = [...arrived.value, event.messageAdded];
    return event;
  });
  const send = useMutation(PortalSendMessageDocument);

  const messages = computed<PortalMessage[]>(() => {
    const byId = new Map<string, PortalMessage>();
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
