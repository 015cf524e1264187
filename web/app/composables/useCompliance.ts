import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';
import type { ComplianceAlertScope } from '~/gql/graphql';

const ComplianceAlertsDocument = graphql(`
  query ComplianceAlerts($scope: ComplianceAlertScope) {
    currentPractice {
      id
      timeZone
    }
    complianceAlerts(scope: $scope) {
      id
      kind
      severity
      status
      appointmentId
      noteId
      startsAt
      dueAt
      daysLate
      daysOverdue
      escalatedAt
      acknowledgedAt
      client {
        id
        firstName
        lastName
      }
    }
  }
`);

const OpenComplianceAlertCountDocument = graphql(`
  query OpenComplianceAlertCount {
    openComplianceAlertCount
  }
`);

const AcknowledgeComplianceAlertDocument = graphql(`
  mutation AcknowledgeComplianceAlert($id: ID!) {
    acknowledgeComplianceAlert(id: $id) {
      id
      status
      acknowledgedAt
    }
  }
`);

/** Unresolved compliance alerts in a scope (the API refuses scopes above the caller's role). */
export function useComplianceAlerts(scope: Ref<ComplianceAlertScope>) {
  const query = useQuery({ query: ComplianceAlertsDocument, variables: computed(() => ({ scope: scope.value })), requestPolicy: 'cache-and-network' });
  const acknowledge = useMutation(AcknowledgeComplianceAlertDocument);
  const errorMessage = useErrorMessage();
  return {
    alerts: computed(() => query.data.value?.complianceAlerts ?? []),
    timeZone: computed(() => query.data.value?.currentPractice.timeZone ?? 'UTC'),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    loadError: computed(() => errorMessage(query.error.value)),
    acknowledging: acknowledge.fetching,
    /** null when done, else a sentence for the user. */
    async acknowledge(id: string): Promise<string | null> {
      const result = await acknowledge.executeMutation({ id }, { additionalTypenames: ['ComplianceAlert'] });
      return result.error ? errorMessage(result.error) : null;
    },
  };
}

/** The navigation badge: open alerts the signed-in clinical user sees. */
export function useOpenComplianceAlertCount(enabled: Ref<boolean>) {
  // The count has no type of its own: naming ComplianceAlert lets an acknowledgement refresh it.
  const query = useQuery({ query: OpenComplianceAlertCountDocument, pause: computed(() => !enabled.value), requestPolicy: 'cache-and-network', context: { additionalTypenames: ['ComplianceAlert'] } });
  return computed(() => query.data.value?.openComplianceAlertCount ?? 0);
}
