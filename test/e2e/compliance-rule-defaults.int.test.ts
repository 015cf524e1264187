// The compliance defaults through the router: the web's "Restore defaults" reads them from the API,
// which answers from the one server-side definition (the engine's), whatever the practice changed,
// for the roles that read the rules — and refuses anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GEORGIA_COMPLIANCE_RULES } from '../../workers/src/compliance/compliance-rules';
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

const DEFAULTS = '{ complianceRuleDefaults { noteReminderDay noteSupervisorAlertDay noteBillingHoldDay planReviewReminderDay planReviewAlertDay planOutOfComplianceDay safetyPlanRequired isGeorgiaDefault updatedAt } }';
const UPDATE = 'mutation ($input: ComplianceRulesInput!) { updateComplianceRules(input: $input) { noteBillingHoldDay isGeorgiaDefault } }';
const code = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0]?.extensions?.code;

describe('compliance rule defaults', () => {
  it("answer Georgia's rules to every role that reads the rules, even after the practice changed its own", async () => {
    const practice = await createTestPractice();
    const staff = await Promise.all((['ADMIN', 'CLINICIAN', 'SUPERVISOR', 'BILLING'] as const).map((role) => createTestStaff(practice, { roles: [role] })));
    const [admin] = staff;
    const changed = await gql(stack.routerUrl, UPDATE, { input: { ...GEORGIA_COMPLIANCE_RULES, noteBillingHoldDay: 21 } }, await tokenFor(admin!));
    expect(changed.data!.updateComplianceRules).toEqual({ noteBillingHoldDay: 21, isGeorgiaDefault: false });

    for (const user of staff) {
      const result = await gql(stack.routerUrl, DEFAULTS, {}, await tokenFor(user));
      expect(result.errors).toBeUndefined();
      expect(result.data!.complianceRuleDefaults).toEqual({ ...GEORGIA_COMPLIANCE_RULES, isGeorgiaDefault: true, updatedAt: null });
    }
  });

  it('are refused without a token, to the front desk and to a client, and never show another practice’s rules', async () => {
    const practice = await createTestPractice();
    const other = await createTestPractice();
    const otherAdmin = await createTestStaff(other, { roles: ['ADMIN'] });
    expect((await gql(stack.routerUrl, UPDATE, { input: { ...GEORGIA_COMPLIANCE_RULES, noteBillingHoldDay: 30 } }, await tokenFor(otherAdmin))).errors).toBeUndefined();

    expect(code(await gql(stack.routerUrl, DEFAULTS))).toBe('UNAUTHENTICATED');
    const desk = await createTestStaff(practice, { roles: ['FRONT_DESK'] });
    expect(code(await gql(stack.routerUrl, DEFAULTS, {}, await tokenFor(desk)))).toBe('FORBIDDEN');
    const client = await createTestClient(practice);
    const account = await testPrisma().clientAccount.create({ data: { practiceId: practice.id, clientId: client.id, email: `${client.id}@portal.test` } });
    expect(code(await gql(stack.routerUrl, DEFAULTS, {}, await tokenFor({ id: account.id, practiceId: practice.id, roles: ['CLIENT'], clientId: client.id })))).toBe('FORBIDDEN');

    // A clinician elsewhere gets the defaults, not what the other practice saved.
    const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    const result = await gql(stack.routerUrl, DEFAULTS, {}, await tokenFor(clinician));
    expect(result.data!.complianceRuleDefaults.noteBillingHoldDay).toBe(GEORGIA_COMPLIANCE_RULES.noteBillingHoldDay);
  });
});
