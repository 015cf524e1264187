import { useMutation, useQuery } from '@urql/vue';
import { graphql } from '~/gql';
import type { ComplianceRulesInput } from '~/gql/graphql';

// One shape for reading and saving the rules.
export const ComplianceRulesFields = graphql(`
  fragment ComplianceRulesFields on ComplianceRules {
    noteReminderDay
    noteSupervisorAlertDay
    noteBillingHoldDay
    planReviewReminderDay
    planReviewAlertDay
    planOutOfComplianceDay
    safetyPlanRequired
    isGeorgiaDefault
  }
`);

const ComplianceRulesDocument = graphql(`
  query ComplianceRules {
    complianceRules {
      ...ComplianceRulesFields
    }
  }
`);

const UpdateComplianceRulesDocument = graphql(`
  mutation UpdateComplianceRules($input: ComplianceRulesInput!) {
    updateComplianceRules(input: $input) {
      ...ComplianceRulesFields
    }
  }
`);

/** Georgia's rules, the defaults (the API stores them on first read; this is for "restore"). */
export const GEORGIA_RULES: ComplianceRulesInput = {
  noteReminderDay: 5,
  noteSupervisorAlertDay: 7,
  noteBillingHoldDay: 14,
  planReviewReminderDay: 80,
  planReviewAlertDay: 90,
  planOutOfComplianceDay: 91,
  safetyPlanRequired: true,
};

/** The practice's compliance rules (admins change them; the API refuses anyone else). */
export function useComplianceRules() {
  const query = useQuery({ query: ComplianceRulesDocument, requestPolicy: 'cache-and-network' });
  const update = useMutation(UpdateComplianceRulesDocument);
  const errorMessage = useErrorMessage();
  return {
    rules: computed(() => query.data.value?.complianceRules ?? null),
    fetching: query.fetching,
    loadError: computed(() => errorMessage(query.error.value)),
    saving: update.fetching,
    async save(input: ComplianceRulesInput): Promise<string | null> {
      const result = await update.executeMutation({ input });
      return result.error ? errorMessage(result.error) : null;
    },
  };
}
