// The risk flag and Stanley–Brown safety plans: flagging keeps a history (level changes and clearing),
// a flagged client without a current safety plan is reported as missing one, saving a plan writes a
// new version and keeps the old; strangers and non-clinical roles are refused.
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

const STATUS_FIELDS = `atRisk hasCurrentSafetyPlan safetyPlanMissing current { level reason } history { level reason clearReason clearedAt flaggedBy { id } clearedBy { id } }`;
const STATUS = `query($clientId: ID!) { clientRiskStatus(clientId: $clientId) { ${STATUS_FIELDS} } }`;
const FLAG = `mutation($clientId: ID!, $level: RiskLevel!, $reason: String!) { flagClientAtRisk(clientId: $clientId, level: $level, reason: $reason) { ${STATUS_FIELDS} } }`;
const CLEAR = `mutation($clientId: ID!, $reason: String!) { clearClientRiskFlag(clientId: $clientId, reason: $reason) { ${STATUS_FIELDS} } }`;
const PLAN_FIELDS = `id version current createdAt supersededAt createdBy { id } warningSigns copingStrategies socialDistractions { name contact } helpContacts { name contact }
  professionalContacts { name contact } environmentSafety reasonsForLiving mostImportantReason`;
const SAVE = `mutation($clientId: ID!, $plan: SafetyPlanInput!) { saveSafetyPlan(clientId: $clientId, plan: $plan) { ${PLAN_FIELDS} } }`;
const PLANS = `query($clientId: ID!) { safetyPlans(clientId: $clientId) { ${PLAN_FIELDS} } }`;

const plan = (sign: string) => ({
  warningSigns: [sign, '  '],
  copingStrategies: ['Walk the dog'],
  socialDistractions: [{ name: 'Coffee shop on Main St', contact: '' }],
  helpContacts: [{ name: 'Sam (sister)', contact: '555-0101' }],
  professionalContacts: [{ name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988' }],
  environmentSafety: ['Medications kept by Sam'],
  reasonsForLiving: ['My children'],
  mostImportantReason: 'Seeing my kids grow up',
});

async function setup() {
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const client = await createTestClient(practice);
  return { practice, clinician, client, token: await tokenFor(clinician) };
}

describe('risk flag', () => {
  it('keeps every flag in history: raising the level replaces the open flag, clearing closes it', async () => {
    const { practice, clinician, client, token } = await setup();
    expect((await gql(stack.routerUrl, STATUS, { clientId: client.id }, token)).data!.clientRiskStatus).toMatchObject({ atRisk: false, current: null, history: [], safetyPlanMissing: false });

    const flagged = (await gql(stack.routerUrl, FLAG, { clientId: client.id, level: 'MODERATE', reason: 'PHQ-9 item 9 endorsed' }, token)).data!.flagClientAtRisk;
    expect(flagged).toMatchObject({ atRisk: true, current: { level: 'MODERATE', reason: 'PHQ-9 item 9 endorsed' }, safetyPlanMissing: true, hasCurrentSafetyPlan: false });

    // A supervisor raises the level: the moderate flag is closed, a high one is open.
    const supervisor = await createTestStaff(practice, { roles: ['SUPERVISOR'] });
    const raised = (await gql(stack.routerUrl, FLAG, { clientId: client.id, level: 'HIGH', reason: 'Plan disclosed in session' }, await tokenFor(supervisor))).data!.flagClientAtRisk;
    expect(raised.current).toEqual({ level: 'HIGH', reason: 'Plan disclosed in session' });
    expect(raised.history).toHaveLength(2);
    expect(raised.history[1]).toMatchObject({ level: 'MODERATE', clearedBy: { id: supervisor.id }, flaggedBy: { id: clinician.id }, clearReason: 'Replaced by a high risk flag.' });
    expect(await testPrisma().clientRiskFlag.count({ where: { clientId: client.id, clearedAt: null } })).toBe(1);
    // The reason is encrypted at rest.
    expect((await testPrisma().clientRiskFlag.findFirstOrThrow({ where: { clientId: client.id, clearedAt: null } })).reason).not.toContain('Plan disclosed');

    const admin = await createTestStaff(practice, { roles: ['ADMIN'] });
    const cleared = (await gql(stack.routerUrl, CLEAR, { clientId: client.id, reason: 'Risk reassessed as low; safety plan in place' }, await tokenFor(admin))).data!.clearClientRiskFlag;
    expect(cleared).toMatchObject({ atRisk: false, current: null, safetyPlanMissing: false });
    expect(cleared.history[0]).toMatchObject({ level: 'HIGH', clearedBy: { id: admin.id }, clearReason: 'Risk reassessed as low; safety plan in place' });
    expect((await gql(stack.routerUrl, CLEAR, { clientId: client.id, reason: 'again' }, token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses front desk, billing and another practice', async () => {
    const { practice, client } = await setup();
    for (const role of ['FRONT_DESK', 'BILLING'] as const) {
      const other = await tokenFor(await createTestStaff(practice, { roles: [role] }));
      expect((await gql(stack.routerUrl, STATUS, { clientId: client.id }, other)).errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      expect((await gql(stack.routerUrl, FLAG, { clientId: client.id, level: 'HIGH', reason: 'x' }, other)).errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN', 'CLINICIAN'] }));
    expect((await gql(stack.routerUrl, FLAG, { clientId: client.id, level: 'HIGH', reason: 'x' }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, STATUS, { clientId: client.id }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await testPrisma().clientRiskFlag.count({ where: { clientId: client.id } })).toBe(0);
  });
});

describe('safety plans', () => {
  it('saves versions: the newest is current, older ones stay readable; a flagged client then no longer misses one', async () => {
    const { clinician, client, token } = await setup();
    await gql(stack.routerUrl, FLAG, { clientId: client.id, level: 'HIGH', reason: 'Recent attempt' }, token);

    const first = await gql(stack.routerUrl, SAVE, { clientId: client.id, plan: plan('Not sleeping') }, token);
    expect(first.errors).toBeUndefined();
    expect(first.data!.saveSafetyPlan).toMatchObject({ version: 1, current: true, createdBy: { id: clinician.id }, warningSigns: ['Not sleeping'], mostImportantReason: 'Seeing my kids grow up' });
    expect((await gql(stack.routerUrl, STATUS, { clientId: client.id }, token)).data!.clientRiskStatus).toMatchObject({ atRisk: true, hasCurrentSafetyPlan: true, safetyPlanMissing: false });

    const second = (await gql(stack.routerUrl, SAVE, { clientId: client.id, plan: plan('Isolating from friends') }, token)).data!.saveSafetyPlan;
    expect(second).toMatchObject({ version: 2, current: true });
    const versions = (await gql(stack.routerUrl, PLANS, { clientId: client.id }, token)).data!.safetyPlans;
    expect(versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions[1]).toMatchObject({ warningSigns: ['Not sleeping'], supersededAt: second.createdAt, professionalContacts: [{ name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988' }] });
    const stored = await testPrisma().safetyPlan.findFirstOrThrow({ where: { id: second.id } });
    expect(stored.content).not.toContain('Isolating');
  });

  it('refuses a plan without warning signs or anyone to contact, and writes nothing', async () => {
    const { client, token } = await setup();
    const noSigns = await gql(stack.routerUrl, SAVE, { clientId: client.id, plan: { ...plan('x'), warningSigns: ['  '] } }, token);
    expect(noSigns.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noContacts = await gql(stack.routerUrl, SAVE, { clientId: client.id, plan: { ...plan('x'), helpContacts: [], professionalContacts: [] } }, token);
    expect(noContacts.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await testPrisma().safetyPlan.count({ where: { clientId: client.id } })).toBe(0);
  });

  it('shows another practice nothing and keeps front desk and billing out', async () => {
    const { practice, client, token } = await setup();
    await gql(stack.routerUrl, SAVE, { clientId: client.id, plan: plan('Not sleeping') }, token);
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN', 'CLINICIAN'] }));
    expect((await gql(stack.routerUrl, PLANS, { clientId: client.id }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, SAVE, { clientId: client.id, plan: plan('y') }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const role of ['FRONT_DESK', 'BILLING'] as const) {
      const other = await tokenFor(await createTestStaff(practice, { roles: [role] }));
      expect((await gql(stack.routerUrl, PLANS, { clientId: client.id }, other)).errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    expect(await testPrisma().safetyPlan.count({ where: { clientId: client.id } })).toBe(1);
  });
});
