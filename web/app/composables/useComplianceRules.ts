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

// The defaults come from the API (the one server-side definition), for "Restore defaults".
const ComplianceRulesDocument = graphql(`
  query ComplianceRules {
    complianceRules {
      ...ComplianceRulesFields
    }
    complianceRuleDefaults {
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

/** The practice's compliance rules (admins change them; the API refuses anyone else). */
export function useComplianceRules() {
  const query = useQuery({ query: ComplianceRulesDocument, requestPolicy: 'cache-and-network' });
  const update = useMutation(UpdateComplianceRulesDocument);
  const errorMessage = useErrorMessage();
  return {
    rules: computed(() => query.data.value?.complianceRules ?? null),
    /** Georgia's rules, every practice's defaults (read from the API). */
    defaults: computed(() => query.data.value?.complianceRuleDefaults ?? null),
    fetching: query.fetching,
    loadError: computed(() => errorMessage(query.error.value)),
    saving: update.fetching,
    async save(input: ComplianceRulesInput): Promise<string | null> {
      const result = await update.executeMutation({ input });
      return result.error ? errorMessage(result.error) : null;
    },
  };
}
