import { useClientHandle, useQuery } from '@urql/vue';
import { graphql } from '~/gql';
import type { AuditEventsQuery } from '~/gql/graphql';

const AuditEventsDocument = graphql(`
  query AuditEvents($entityType: String, $entityId: String, $actorId: ID, $beforeSeq: Int, $limit: Int!) {
    auditEvents(entityType: $entityType, entityId: $entityId, actorId: $actorId, beforeSeq: $beforeSeq, limit: $limit) {
      id
      seq
      occurredAt
      actorId
      entityType
      entityId
      action
      requestId
      ip
      userAgent
    }
    staffUsers {
      id
      displayName
    }
  }
`);

const AuditChainDocument = graphql(`
  query AuditChain {
    auditChainReport {
      valid
      checkedEvents
      brokenAtSeq
      reason
    }
  }
`);

export type AuditRow = AuditEventsQuery['auditEvents'][number];
export interface AuditFilter {
  entityType: string;
  entityId: string;
  actorId: string;
}

const PAGE_SIZE = 50;

/** The admin's view of the audit trail: filters, newest first, "older" paging, and a chain check. */
export function useAudit(filter: Ref<AuditFilter>) {
  const beforeSeq = ref<number | null>(null);
  const variables = computed(() => ({
    entityType: filter.value.entityType || null,
    entityId: filter.value.entityId.trim() || null,
    actorId: filter.value.actorId || null,
    beforeSeq: beforeSeq.value,
    limit: PAGE_SIZE,
  }));
  watch(filter, () => (beforeSeq.value = null), { deep: true });
  const query = useQuery({ query: AuditEventsDocument, variables, requestPolicy: 'network-only' });
  const rows = computed(() => query.data.value?.auditEvents ?? []);
  const staffNames = computed(() => new Map((query.data.value?.staffUsers ?? []).map((s) => [s.id, s.displayName])));

  const handle = useClientHandle();
  const chain = ref<{ valid: boolean; checkedEvents: number; brokenAtSeq?: number | null; reason?: string | null } | null>(null);
  const checking = ref(false);

  return {
    rows,
    staffNames,
    fetching: query.fetching,
    error: query.error,
    hasOlder: computed(() => rows.value.length === PAGE_SIZE),
    isFirstPage: computed(() => beforeSeq.value === null),
    older: () => (beforeSeq.value = rows.value.at(-1)?.seq ?? null),
    newest: () => (beforeSeq.value = null),
    chain,
    checking,
    async checkChain() {
      checking.value = true;
      const result = await handle.client.query(AuditChainDocument, {}, { requestPolicy: 'network-only' }).toPromise();
      chain.value = result.data?.auditChainReport ?? null;
      checking.value = false;
    },
  };
}
