// Each subscription root field the router serves: which Redis channel carries its events, who may
// listen, and how an event (keys only) is turned back into the client's selection through the
// gateway. A subscription field with no route here is refused. Add one per new subscription.
import { allowedRoles, channelFor, type AuthClaims, type RoleName } from '@solace/server-kit';

export interface SubscriptionRoute {
  /** Roles allowed to subscribe; re-checked for every event. */
  roles: readonly RoleName[];
  channel(user: AuthClaims, args: Record<string, unknown>): string;
  lookup: {
    /** The Query field that re-reads the entity with the subscriber's identity. */
    field: string;
    /** Arguments of the subscription passed through unchanged to the lookup field. */
    keepArguments?: string[];
    /** Lookup arguments taken from the event's keys, with their GraphQL types. */
    fromEventKeys?: Record<string, { key: string; type: string }>;
  };
  /**
   * Checked once when subscribing, with the subscriber's identity: a Query field taking `id` that
   * must resolve (e.g. the thread), so nobody listens on a channel of something they cannot read.
   * Its NOT_FOUND / FORBIDDEN refuses the subscription. (Every event is re-read through `lookup` too.)
   */
  guard?: { field: string; idFromArgument: string };
}

export const SUBSCRIPTION_ROUTES: Record<string, SubscriptionRoute> = {
  messageAdded: {
    roles: allowedRoles('messageAdded'),
    channel: (user, args) => channelFor('messageAdded', user.practiceId, String(args.threadId)),
    lookup: { field: 'message', fromEventKeys: { id: { key: 'id', type: 'ID!' } } },
    // A client may listen only to their own threads (the portal scopes `thread` to them).
    guard: { field: 'thread', idFromArgument: 'threadId' },
  },
  appointmentChanged: {
    roles: allowedRoles('appointmentChanged'),
    channel: (user) => channelFor('appointmentChanged', user.practiceId),
    // Outside the subscribed window the lookup answers NOT_FOUND, and the event is skipped.
    lookup: { field: 'appointmentInWindow', keepArguments: ['from', 'to'], fromEventKeys: { id: { key: 'id', type: 'ID!' } } },
  },
  practiceMetricsUpdated: {
    roles: allowedRoles('practiceMetricsUpdated'),
    channel: (user) => channelFor('practiceMetricsUpdated', user.practiceId),
    lookup: { field: 'practiceMetrics', keepArguments: ['from', 'to'] },
  },
};
