// Treatment plans end to end through the router: a draft is written, signed (active, due for review
// in 90 days), reviewed (due 90 days after the review), revised (the new version supersedes the old,
// whose history stays readable); one active plan per client; strangers and non-clinical roles refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const PLAN_FIELDS = `id version status signedAt lastReviewedAt reviewDueAt endedAt signedBy { id } reviews { reviewedAt note reviewedBy { id } }
  problems { id description icd10Code goals { id description objectives { id description target measure targetDate status } interventions { id modality frequency responsibleClinician { id } } } }`;
const CREATE = `mutation($clientId: ID!, $plan: TreatmentPlanInput!) { createTreatmentPlan(clientId: $clientId, plan: $plan) { ${PLAN_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $plan: TreatmentPlanInput!) { updateTreatmentPlan(id: $id, plan: $plan) { ${PLAN_FIELDS} } }`;
const SIGN = `mutation($id: ID!) { signTreatmentPlan(id: $id) { ${PLAN_FIELDS} } }`;
const REVIEW = `mutation($id: ID!, $note: String!, $reviewedAt: DateTimeISO) { reviewTreatmentPlan(id: $id, note: $note, reviewedAt: $reviewedAt) { ${PLAN_FIELDS} } }`;
const HISTORY = `query($clientId: ID!) { treatmentPlans(clientId: $clientId) { ${PLAN_FIELDS} } }`;
const DAY = 86_400_000;

function planFor(clinicianId: string, problem = 'Low mood and withdrawal') {
  return {
    problems: [
      {
        description: problem,
        icd10Code: 'F33.1',
        goals: [
          {
            description: 'Return to valued activities',
            objectives: [{ description: 'PHQ-9 below 10', target: 'PHQ-9 < 10', measure: 'PHQ-9 every 4 weeks', targetDate: '2027-03-01', status: 'IN_PROGRESS' }],
            interventions: [{ modality: 'Behavioral activation', frequency: 'Weekly, 50 minutes', responsibleClinicianId: clinicianId }],
          },
        ],
      },
    ],
  };
}

async function setup() {
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const client = await createTestClient(practice);
  return { practice, clinician, client, token: await tokenFor(clinician) };
}

describe('treatment plans', () => {
  it('signs a draft into the active plan due for review in 90 days, and a review moves the due date', async () => {
    const { clinician, client, token } = await setup();
    const created = await gql(stack.routerUrl, CREATE, { clientId: client.id, plan: planFor(clinician.id) }, token);
    expect(created.errors).toBeUndefined();
    const draft = created.data!.createTreatmentPlan;
    expect(draft).toMatchObject({ version: 1, status: 'DRAFT', signedAt: null, reviewDueAt: null });
    expect(draft.problems[0]).toMatchObject({ description: 'Low mood and withdrawal', icd10Code: 'F33.1' });
    expect(draft.problems[0].goals[0].interventions[0].responsibleClinician).toEqual({ id: clinician.id });

    // The problem text is encrypted at rest.
    const stored = await testPrisma().treatmentPlan.findFirstOrThrow({ where: { id: draft.id } });
    expect(stored.content).not.toContain('Low mood');

    // Editing keeps the ids of existing items so the editor can follow them.
    const edited = planFor(clinician.id);
    edited.problems[0]!.goals[0]!.objectives[0]!.description = 'PHQ-9 below 10 for two visits';
    const withIds = { problems: [{ ...edited.problems[0]!, id: draft.problems[0].id }] };
    const updated = (await gql(stack.routerUrl, UPDATE, { id: draft.id, plan: withIds }, token)).data!.updateTreatmentPlan;
    expect(updated.problems[0].id).toBe(draft.problems[0].id);
    expect(updated.problems[0].goals[0].objectives[0].description).toBe('PHQ-9 below 10 for two visits');

    const before = Date.now();
    const signed = (await gql(stack.routerUrl, SIGN, { id: draft.id }, token)).data!.signTreatmentPlan;
    expect(signed).toMatchObject({ status: 'ACTIVE', signedBy: { id: clinician.id }, lastReviewedAt: null });
    const signedAt = Date.parse(signed.signedAt);
    expect(signedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(signed.reviewDueAt) - signedAt).toBe(90 * DAY);

    // A signed plan no longer changes in place.
    expect((await gql(stack.routerUrl, UPDATE, { id: draft.id, plan: planFor(clinician.id) }, token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const reviewedAt = new Date(signedAt + 60_000).toISOString();
    const reviewed = (await gql(stack.routerUrl, REVIEW, { id: draft.id, note: 'Progressing; keep plan.', reviewedAt }, token)).data!.reviewTreatmentPlan;
    expect(reviewed.lastReviewedAt).toBe(reviewedAt);
    expect(Date.parse(reviewed.reviewDueAt)).toBe(Date.parse(reviewedAt) + 90 * DAY);
    expect(reviewed.reviews).toEqual([{ reviewedAt, note: 'Progressing; keep plan.', reviewedBy: { id: clinician.id } }]);

    // Reviews cannot be dated in the future or before signing.
    const future = new Date(Date.now() + 3 * DAY).toISOString();
    expect((await gql(stack.routerUrl, REVIEW, { id: draft.id, note: 'x', reviewedAt: future }, token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const early = new Date(signedAt - DAY).toISOString();
    expect((await gql(stack.routerUrl, REVIEW, { id: draft.id, note: 'x', reviewedAt: early }, token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses to sign an incomplete plan and refuses bad codes and strangers on interventions', async () => {
    const { practice, clinician, client, token } = await setup();
    const incomplete = { problems: [{ description: 'Anxiety', goals: [{ description: 'Fewer panic attacks', objectives: [], interventions: [] }] }] };
    const draft = (await gql(stack.routerUrl, CREATE, { clientId: client.id, plan: incomplete }, token)).data!.createTreatmentPlan;
    const refused = await gql(stack.routerUrl, SIGN, { id: draft.id }, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('measurable objective');
    expect((await testPrisma().treatmentPlan.findFirstOrThrow({ where: { id: draft.id } })).status).toBe('DRAFT');

    const badCode = planFor(clinician.id);
    badCode.problems[0]!.icd10Code = 'depression';
    expect((await gql(stack.routerUrl, UPDATE, { id: draft.id, plan: badCode }, token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const outsider = await createTestStaff(await createTestPractice());
    expect((await gql(stack.routerUrl, UPDATE, { id: draft.id, plan: planFor(outsider.id) }, token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const colleague = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    expect((await gql(stack.routerUrl, UPDATE, { id: draft.id, plan: planFor(colleague.id) }, token)).errors).toBeUndefined();
  });

  it('keeps one active plan per client: a new signed version supersedes the old, whose history stays readable', async () => {
    const { clinician, client, token } = await setup();
    const v1 = (await gql(stack.routerUrl, CREATE, { clientId: client.id, plan: planFor(clinician.id, 'First problem') }, token)).data!.createTreatmentPlan;
    await gql(stack.routerUrl, SIGN, { id: v1.id }, token);
    const v2 = (await gql(stack.routerUrl, CREATE, { clientId: client.id, plan: planFor(clinician.id, 'Revised problem') }, token)).data!.createTreatmentPlan;
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT' });
    // One draft at a time.
    expect((await gql(stack.routerUrl, CREATE, { clientId: client.id, plan: planFor(clinician.id) }, token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');

    await gql(stack.routerUrl, SIGN, { id: v2.id }, token);
    const history = (await gql(stack.routerUrl, HISTORY, { clientId: client.id }, token)).data!.treatmentPlans;
    expect(history.map((p: { version: number; status: string }) => [p.version, p.status])).toEqual([
      [2, 'ACTIVE'],
      [1, 'SUPERSEDED'],
    ]);
    expect(history[1]).toMatchObject({ reviewDueAt: null, problems: [{ description: 'First problem' }] });
    expect(history[1].endedAt).toBe(history[0].signedAt);
    expect(await testPrisma().treatmentPlan.count({ where: { clientId: client.id, status: 'ACTIVE' } })).toBe(1);

    // The database itself refuses a second active plan.
    await expect(testPrisma().treatmentPlan.update({ where: { id: v1.id }, data: { status: 'ACTIVE' } })).rejects.toThrow();
    // A superseded plan is not reviewed.
    expect((await gql(stack.routerUrl, REVIEW, { id: v1.id, note: 'x' }, token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('shows another practice nothing and keeps front desk, billing and clients out', async () => {
    const { practice, clinician, client, token } = await setup();
    const plan = (await gql(stack.routerUrl, CREATE, { clientId: client.id, plan: planFor(clinician.id) }, token)).data!.createTreatmentPlan;
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN', 'CLINICIAN'] }));
    expect((await gql(stack.routerUrl, HISTORY, { clientId: client.id }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, `query($id: ID!) { treatmentPlan(id: $id) { id } }`, { id: plan.id }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, SIGN, { id: plan.id }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await testPrisma().treatmentPlan.findFirstOrThrow({ where: { id: plan.id } })).status).toBe('DRAFT');

    for (const role of ['FRONT_DESK', 'BILLING'] as const) {
      const other = await tokenFor(await createTestStaff(practice, { roles: [role] }));
      expect((await gql(stack.routerUrl, HISTORY, { clientId: client.id }, other)).errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    const portal = await tokenFor({ id: '00000000-0000-4000-8000-0000000000c3', practiceId: practice.id, roles: ['CLIENT'], clientId: client.id });
    expect((await gql(stack.routerUrl, HISTORY, { clientId: client.id }, portal)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // An admin reads it (audited) but signing is the clinicians'.
    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    expect((await gql(stack.routerUrl, HISTORY, { clientId: client.id }, admin)).data!.treatmentPlans).toHaveLength(1);
    expect((await gql(stack.routerUrl, SIGN, { id: plan.id }, admin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const events = await testPrisma().auditEvent.findMany({ where: { practiceId: practice.id, entityId: plan.id }, select: { action: true, entityType: true } });
    expect(events).toContainEqual({ action: 'CREATE', entityType: 'TreatmentPlan' });
    expect(events).toContainEqual({ action: 'READ', entityType: 'TreatmentPlan' });
  });
});
