import { useMutation, useQuery } from '@urql/vue';
import type { MaybeRefOrGetter } from 'vue';
import { graphql } from '~/gql';
import type { TreatmentPlanFieldsFragment, TreatmentPlanInput } from '~/gql/graphql';

graphql(`
  fragment TreatmentPlanFields on TreatmentPlan {
    id
    version
    status
    createdAt
    signedAt
    lastReviewedAt
    reviewDueAt
    endedAt
    signedBy {
      id
      displayName
    }
    reviews {
      id
      reviewedAt
      note
      reviewedBy {
        id
        displayName
      }
    }
    problems {
      id
      description
      icd10Code
      goals {
        id
        description
        objectives {
          id
          description
          target
          measure
          targetDate
          status
        }
        interventions {
          id
          modality
          frequency
          responsibleClinician {
            id
            displayName
          }
        }
      }
    }
  }
`);

const TreatmentPlansDocument = graphql(`
  query TreatmentPlans($clientId: ID!) {
    treatmentPlans(clientId: $clientId) {
      ...TreatmentPlanFields
    }
    staffUsers {
      id
      displayName
      roles
    }
  }
`);
const CreateTreatmentPlanDocument = graphql(`
  mutation CreateTreatmentPlan($clientId: ID!, $plan: TreatmentPlanInput!) {
    createTreatmentPlan(clientId: $clientId, plan: $plan) {
      ...TreatmentPlanFields
    }
  }
`);
const UpdateTreatmentPlanDocument = graphql(`
  mutation UpdateTreatmentPlan($id: ID!, $plan: TreatmentPlanInput!) {
    updateTreatmentPlan(id: $id, plan: $plan) {
      ...TreatmentPlanFields
    }
  }
`);
const DiscardTreatmentPlanDocument = graphql(`
  mutation DiscardTreatmentPlanDraft($id: ID!) {
    discardTreatmentPlanDraft(id: $id) {
      id
    }
  }
`);
const SignTreatmentPlanDocument = graphql(`
  mutation SignTreatmentPlan($id: ID!) {
    signTreatmentPlan(id: $id) {
      ...TreatmentPlanFields
    }
  }
`);
const ReviewTreatmentPlanDocument = graphql(`
  mutation ReviewTreatmentPlan($id: ID!, $note: String!) {
    reviewTreatmentPlan(id: $id, note: $note) {
      ...TreatmentPlanFields
    }
  }
`);
const CompleteTreatmentPlanDocument = graphql(`
  mutation CompleteTreatmentPlan($id: ID!) {
    completeTreatmentPlan(id: $id) {
      ...TreatmentPlanFields
    }
  }
`);

export type TreatmentPlanView = TreatmentPlanFieldsFragment;

/** The editable shape of a plan (what the API takes), from a plan as read. */
export function toPlanInput(plan: Pick<TreatmentPlanView, 'problems'> | null): TreatmentPlanInput {
  return {
    problems: (plan?.problems ?? []).map((p) => ({
      id: p.id,
      description: p.description,
      icd10Code: p.icd10Code ?? null,
      goals: p.goals.map((g) => ({
        id: g.id,
        description: g.description,
        objectives: g.objectives.map((o) => ({ id: o.id, description: o.description, target: o.target, measure: o.measure, targetDate: o.targetDate ?? null, status: o.status })),
        interventions: g.interventions.map((i) => ({ id: i.id, modality: i.modality, frequency: i.frequency, responsibleClinicianId: i.responsibleClinician?.id ?? null })),
      })),
    })),
  };
}

/** Empty optional fields go to the API as null (an ICD code of "" is not a code). */
function cleaned(plan: TreatmentPlanInput): TreatmentPlanInput {
  return {
    problems: plan.problems.map((p) => ({
      ...p,
      icd10Code: p.icd10Code?.trim().toUpperCase() || null,
      goals: p.goals.map((g) => ({
        ...g,
        objectives: g.objectives.map((o) => ({ ...o, targetDate: o.targetDate || null })),
        interventions: g.interventions.map((i) => ({ ...i, responsibleClinicianId: i.responsibleClinicianId || null })),
      })),
    })),
  };
}

/** A client's treatment plans (draft, active, history) and what a clinician does with them. */
export function usePlans(clientId: MaybeRefOrGetter<string>) {
  const query = useQuery({ query: TreatmentPlansDocument, variables: computed(() => ({ clientId: toValue(clientId) })) });
  const plans = computed(() => query.data.value?.treatmentPlans ?? []);
  const draft = computed(() => plans.value.find((p) => p.status === 'DRAFT') ?? null);
  const active = computed(() => plans.value.find((p) => p.status === 'ACTIVE') ?? null);
  const history = computed(() => plans.value.filter((p) => p.status === 'SUPERSEDED' || p.status === 'COMPLETED'));
  const clinicians = computed(() => (query.data.value?.staffUsers ?? []).filter((s) => s.roles.some((r) => r === 'CLINICIAN' || r === 'SUPERVISOR')));

  const create = useMutation(CreateTreatmentPlanDocument);
  const update = useMutation(UpdateTreatmentPlanDocument);
  const discard = useMutation(DiscardTreatmentPlanDocument);
  const sign = useMutation(SignTreatmentPlanDocument);
  const review = useMutation(ReviewTreatmentPlanDocument);
  const complete = useMutation(CompleteTreatmentPlanDocument);
  const refetch = () => query.executeQuery({ requestPolicy: 'network-only' });
  const after = async <T extends { error?: unknown }>(result: T) => {
    if (!result.error) await refetch();
    return result;
  };

  return {
    fetching: query.fetching,
    error: query.error,
    plans,
    draft,
    active,
    history,
    clinicians,
    busy: computed(() => create.fetching.value || update.fetching.value || sign.fetching.value || review.fetching.value || discard.fetching.value || complete.fetching.value),
    createDraft: (plan: TreatmentPlanInput) => create.executeMutation({ clientId: toValue(clientId), plan: cleaned(plan) }).then(after),
    saveDraft: (id: string, plan: TreatmentPlanInput) => update.executeMutation({ id, plan: cleaned(plan) }).then(after),
    discardDraft: (id: string) => discard.executeMutation({ id }).then(after),
    signPlan: (id: string) => sign.executeMutation({ id }).then(after),
    reviewPlan: (id: string, note: string) => review.executeMutation({ id, note }).then(after),
    completePlan: (id: string) => complete.executeMutation({ id }).then(after),
  };
}
