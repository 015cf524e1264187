import { useMutation, useQuery } from '@urql/vue';
import type { MaybeRefOrGetter } from 'vue';
import { graphql } from '~/gql';
import type { RiskLevel, SafetyPlanInput } from '~/gql/graphql';

const ClientRiskDocument = graphql(`
  query ClientRisk($clientId: ID!) {
    clientRiskStatus(clientId: $clientId) {
      atRisk
      hasCurrentSafetyPlan
      safetyPlanMissing
      current {
        id
        level
        reason
        flaggedAt
        flaggedBy {
          id
          displayName
        }
      }
      history {
        id
        level
        reason
        flaggedAt
        clearedAt
        clearReason
        flaggedBy {
          id
          displayName
        }
        clearedBy {
          id
          displayName
        }
      }
    }
  }
`);
const FlagClientDocument = graphql(`
  mutation FlagClientAtRisk($clientId: ID!, $level: RiskLevel!, $reason: String!) {
    flagClientAtRisk(clientId: $clientId, level: $level, reason: $reason) {
      atRisk
    }
  }
`);
const ClearFlagDocument = graphql(`
  mutation ClearClientRiskFlag($clientId: ID!, $reason: String!) {
    clearClientRiskFlag(clientId: $clientId, reason: $reason) {
      atRisk
    }
  }
`);
const SafetyPlansDocument = graphql(`
  query SafetyPlans($clientId: ID!) {
    safetyPlans(clientId: $clientId) {
      id
      version
      current
      createdAt
      supersededAt
      createdBy {
        id
        displayName
      }
      warningSigns
      copingStrategies
      socialDistractions {
        name
        contact
      }
      helpContacts {
        name
        contact
      }
      professionalContacts {
        name
        contact
      }
      environmentSafety
      reasonsForLiving
      mostImportantReason
    }
  }
`);
const SaveSafetyPlanDocument = graphql(`
  mutation SaveSafetyPlan($clientId: ID!, $plan: SafetyPlanInput!) {
    saveSafetyPlan(clientId: $clientId, plan: $plan) {
      id
      version
    }
  }
`);

/**
 * The risk flag and the safety plans share one composable because they answer one question for the
 * chart: is this client at risk, and is there a plan? Saving either refreshes both.
 */
export function usePlansSafety(clientId: MaybeRefOrGetter<string>) {
  const variables = computed(() => ({ clientId: toValue(clientId) }));
  const risk = useQuery({ query: ClientRiskDocument, variables });
  const safety = useQuery({ query: SafetyPlansDocument, variables });
  const flag = useMutation(FlagClientDocument);
  const clear = useMutation(ClearFlagDocument);
  const save = useMutation(SaveSafetyPlanDocument);
  const refetch = async () => {
    await Promise.all([risk.executeQuery({ requestPolicy: 'network-only' }), safety.executeQuery({ requestPolicy: 'network-only' })]);
  };
  const after = async <T extends { error?: unknown }>(result: T) => {
    if (!result.error) await refetch();
    return result;
  };
  const plans = computed(() => safety.data.value?.safetyPlans ?? []);
  return {
    risk: computed(() => risk.data.value?.clientRiskStatus ?? null),
    riskFetching: risk.fetching,
    riskError: risk.error,
    plans,
    current: computed(() => plans.value.find((p) => p.current) ?? null),
    safetyFetching: safety.fetching,
    safetyError: safety.error,
    busy: computed(() => flag.fetching.value || clear.fetching.value || save.fetching.value),
    flagAtRisk: (level: RiskLevel, reason: string) => flag.executeMutation({ clientId: toValue(clientId), level, reason }).then(after),
    clearFlag: (reason: string) => clear.executeMutation({ clientId: toValue(clientId), reason }).then(after),
    savePlan: (plan: SafetyPlanInput) => save.executeMutation({ clientId: toValue(clientId), plan }).then(after),
  };
}
