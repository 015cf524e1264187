// PHQ-9 and GAD-7 through the router: staff record answers, the server scores them, item 9 suggests
// the risk flag (never sets it), and the trend shows change and response/remission hints.
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

const RECORD = `mutation($clientId: ID!, $instrument: MeasureInstrument!, $answers: [Int!]!, $administeredAt: DateTimeISO!) {
  recordMeasure(clientId: $clientId, instrument: $instrument, answers: $answers, administeredAt: $administeredAt) { suggestRiskFlag result { id totalScore severity selfHarmRisk source enteredById answers } } }`;
const TREND = `query($clientId: ID!, $instrument: MeasureInstrument!) { measureTrend(clientId: $clientId, instrument: $instrument) {
  instrument maxScore changeSinceFirst changeSincePrevious percentChangeSinceFirst response remission bands { severity min max } points { totalScore severity administeredAt } } }`;
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

async function setup() {
  const practice = await createTestPractice();
  const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
  const client = await createTestClient(practice);
  return { practice, clinician, client, token: await tokenFor(clinician) };
}

describe('measures', () => {
  it('serves the instruments with their exact wording and bands', async () => {
    const { token } = await setup();
    const result = await gql(stack.routerUrl, `{ measureInstruments { instrument items options maxScore safetyItem bands { severity min max } } }`, {}, token);
    const [phq9, gad7] = result.data!.measureInstruments;
    expect(phq9).toMatchObject({ instrument: 'PHQ9', maxScore: 27, safetyItem: 9, options: ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'] });
    expect(phq9.items[0]).toBe('Little interest or pleasure in doing things');
    expect(gad7).toMatchObject({ instrument: 'GAD7', maxScore: 21, safetyItem: null });
    expect(gad7.bands.at(-1)).toEqual({ severity: 'SEVERE', min: 15, max: 21 });
  });

  it('scores a PHQ-9, suggests the risk flag on item 9 without setting it, and trends two administrations', async () => {
    const { clinician, client, token } = await setup();
    const first = await gql(stack.routerUrl, RECORD, { clientId: client.id, instrument: 'PHQ9', answers: [3, 3, 2, 2, 2, 2, 2, 2, 1], administeredAt: daysAgo(28) }, token);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordMeasure).toEqual({
      suggestRiskFlag: true,
      result: { id: expect.any(String), totalScore: 19, severity: 'MODERATELY_SEVERE', selfHarmRisk: true, source: 'STAFF', enteredById: clinician.id, answers: [3, 3, 2, 2, 2, 2, 2, 2, 1] },
    });
    expect(await testPrisma().clientRiskFlag.count({ where: { clientId: client.id } })).toBe(0);

    const second = (await gql(stack.routerUrl, RECORD, { clientId: client.id, instrument: 'PHQ9', answers: [1, 1, 1, 1, 1, 1, 1, 1, 0], administeredAt: daysAgo(0) }, token)).data!.recordMeasure;
    expect(second).toMatchObject({ suggestRiskFlag: false, result: { totalScore: 8, severity: 'MILD', selfHarmRisk: false } });

    const trend = (await gql(stack.routerUrl, TREND, { clientId: client.id, instrument: 'PHQ9' }, token)).data!.measureTrend;
    expect(trend).toMatchObject({ instrument: 'PHQ9', maxScore: 27, changeSinceFirst: -11, changeSincePrevious: -11, percentChangeSinceFirst: -57.9, response: true, remission: false });
    expect(trend.points.map((p: { totalScore: number }) => p.totalScore)).toEqual([19, 8]);
    expect(trend.bands).toHaveLength(5);
    // GAD-7 is a separate series.
    expect((await gql(stack.routerUrl, TREND, { clientId: client.id, instrument: 'GAD7' }, token)).data!.measureTrend).toMatchObject({ points: [], changeSinceFirst: null });
  });

  it('does not suggest the flag when the client is already flagged at risk', async () => {
    const { clinician, practice, client, token } = await setup();
    await testPrisma().clientRiskFlag.create({ data: { practiceId: practice.id, clientId: client.id, level: 'HIGH', reason: '', flaggedById: clinician.id, flaggedAt: new Date() } });
    const recorded = (await gql(stack.routerUrl, RECORD, { clientId: client.id, instrument: 'PHQ9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 2], administeredAt: daysAgo(0) }, token)).data!.recordMeasure;
    expect(recorded).toMatchObject({ suggestRiskFlag: false, result: { selfHarmRisk: true, totalScore: 2 } });
  });

  it('refuses invalid answers and future dates, and writes nothing', async () => {
    const { client, token } = await setup();
    const cases = [
      { instrument: 'GAD7', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], administeredAt: daysAgo(0) },
      { instrument: 'PHQ9', answers: [0, 0, 0], administeredAt: daysAgo(0) },
      { instrument: 'GAD7', answers: [0, 0, 4, 0, 0, 0, 0], administeredAt: daysAgo(0) },
      { instrument: 'GAD7', answers: [0, 0, 1, 0, 0, 0, 0], administeredAt: daysAgo(-2) },
    ];
    for (const variables of cases) {
      expect((await gql(stack.routerUrl, RECORD, { clientId: client.id, ...variables }, token)).errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
    expect(await testPrisma().measureResponse.count({ where: { clientId: client.id } })).toBe(0);
  });

  it('shows another practice nothing and keeps front desk and billing out', async () => {
    const { practice, client, token } = await setup();
    await gql(stack.routerUrl, RECORD, { clientId: client.id, instrument: 'GAD7', answers: [1, 1, 1, 1, 1, 1, 1], administeredAt: daysAgo(1) }, token);
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN', 'CLINICIAN'] }));
    expect((await gql(stack.routerUrl, TREND, { clientId: client.id, instrument: 'GAD7' }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, RECORD, { clientId: client.id, instrument: 'GAD7', answers: [0, 0, 0, 0, 0, 0, 0], administeredAt: daysAgo(0) }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const role of ['FRONT_DESK', 'BILLING'] as const) {
      const other = await tokenFor(await createTestStaff(practice, { roles: [role] }));
      expect((await gql(stack.routerUrl, TREND, { clientId: client.id, instrument: 'GAD7' }, other)).errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    expect(await testPrisma().measureResponse.count({ where: { clientId: client.id } })).toBe(1);
  });
});
