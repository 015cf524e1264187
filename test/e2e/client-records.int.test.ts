// Client records through the router: demographics, address, emergency contact, referring provider,
// tags, reminder channels and status with discharge date — partial updates, clear refusals, and
// nothing visible to or changeable by another practice or a role that may not write.
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

const FIELDS = `id firstName lastName preferredName pronouns genderIdentity sexAssignedAtBirth dateOfBirth email phone
  address { line1 line2 city state postalCode } emergencyContact { name relationship phone }
  referringProvider { name npi phone } tags reminderEmail reminderSms status dischargedOn`;
const CREATE = `mutation($input: CreateClientInput!) { createClient(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { ${FIELDS} } }`;
const today = () => new Date().toISOString().slice(0, 10);

async function desk() {
  const practice = await createTestPractice();
  const token = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
  return { practice, token };
}

describe('client records', () => {
  it('creates a client with the whole record; tags are lowercase and unique; email reminders on, SMS off by default', async () => {
    const { token } = await desk();
    const created = await gql(stack.routerUrl, CREATE, {
      input: {
        firstName: ' Alexandra ',
        lastName: 'Rivera',
        dateOfBirth: '1988-02-29',
        phone: '+1 (555) 010-2000',
        preferredName: 'Alex',
        pronouns: 'they/them',
        genderIdentity: 'Non-binary',
        sexAssignedAtBirth: 'FEMALE',
        address: { line1: '12 Elm St', city: 'Springfield', state: 'IL', postalCode: '62701' },
        emergencyContact: { name: 'Maria Rivera', relationship: 'mother', phone: '555-010-3000' },
        referringProvider: { name: 'Dr. Lee', npi: '1234567893' },
        tags: ['Sliding-Scale', 'sliding-scale ', 'EMDR  candidate'],
      },
    }, token);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createClient).toMatchObject({
      firstName: 'Alexandra',
      preferredName: 'Alex',
      pronouns: 'they/them',
      sexAssignedAtBirth: 'FEMALE',
      address: { line1: '12 Elm St', line2: null, city: 'Springfield', state: 'IL', postalCode: '62701' },
      emergencyContact: { name: 'Maria Rivera', relationship: 'mother', phone: '555-010-3000' },
      referringProvider: { name: 'Dr. Lee', npi: '1234567893', phone: null },
      tags: ['sliding-scale', 'emdr candidate'],
      reminderEmail: true,
      reminderSms: false,
      status: 'ACTIVE',
      dischargedOn: null,
    });
  });

  it('updates only the fields given, and null clears an optional one', async () => {
    const { practice, token } = await desk();
    const client = await createTestClient(practice);
    const first = await gql(stack.routerUrl, UPDATE, { id: client.id, input: { phone: '555 010 4000', reminderSms: true, pronouns: 'she/her', address: { line1: '1 Main St', line2: 'Apt 2', city: 'Austin', state: 'TX', postalCode: '78701' } } }, token);
    expect(first.errors).toBeUndefined();
    expect(first.data!.updateClient).toMatchObject({ firstName: 'Dana', lastName: client.lastName, email: client.email, phone: '555 010 4000', reminderSms: true, pronouns: 'she/her', address: { line2: 'Apt 2' } });

    const second = await gql(stack.routerUrl, UPDATE, { id: client.id, input: { address: null, pronouns: null, reminderEmail: false } }, token);
    expect(second.data!.updateClient).toMatchObject({ phone: '555 010 4000', reminderSms: true, reminderEmail: false, pronouns: null, address: null });
    // Without a phone there is nowhere to send an SMS: removing it ends SMS reminders too.
    const third = await gql(stack.routerUrl, UPDATE, { id: client.id, input: { phone: null } }, token);
    expect(third.data!.updateClient).toMatchObject({ phone: null, reminderSms: false });
  });

  it('refuses invalid input with BAD_USER_INPUT naming the field', async () => {
    const { practice, token } = await desk();
    const client = await createTestClient(practice);
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ referringProvider: { name: 'Dr. Lee', npi: '1234567890' } }, 'referringProvider'],
      [{ emergencyContact: { name: 'X', relationship: 'friend', phone: 'call me' } }, 'emergencyContact'],
      [{ address: { line1: '1 Main', city: 'Austin', state: 'TX', postalCode: '!' } }, 'address'],
      [{ tags: ['ok', 'no;semicolons'] }, 'tags'],
      [{ firstName: null }, 'firstName'],
      [{ dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
      [{ reminderSms: true }, 'reminderSms'],
      [{ status: 'ACTIVE', dischargedOn: '2026-01-01' }, 'dischargedOn'],
    ];
    for (const [input, field] of refusals) {
      const result = await gql(stack.routerUrl, UPDATE, { id: client.id, input }, token);
      const extensions = result.errors?.[0]?.extensions as { code: string; fields?: Array<{ field: string }> } | undefined;
      expect(extensions?.code, JSON.stringify(result.errors)).toBe('BAD_USER_INPUT');
      expect(extensions?.fields?.map((f) => f.field), JSON.stringify(result.errors)).toEqual([field]);
    }
    const stored = await testPrisma().client.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored).toMatchObject({ firstName: 'Dana', referringProviderNpi: null, tags: [], reminderSms: false, status: 'ACTIVE' });
  });

  it('records the discharge date with the status and clears it on return', async () => {
    const { practice, token } = await desk();
    const client = await createTestClient(practice);
    const discharged = await gql(stack.routerUrl, UPDATE, { id: client.id, input: { status: 'DISCHARGED' } }, token);
    expect(discharged.data!.updateClient).toMatchObject({ status: 'DISCHARGED', dischargedOn: today() });
    const dated = await gql(stack.routerUrl, UPDATE, { id: client.id, input: { dischargedOn: '2026-01-15' } }, token);
    expect(dated.data!.updateClient).toMatchObject({ status: 'DISCHARGED', dischargedOn: '2026-01-15' });
    const listed = await gql(stack.routerUrl, `{ clients(status: DISCHARGED) { id } }`, {}, token);
    expect(listed.data!.clients).toEqual([{ id: client.id }]);
    const back = await gql(stack.routerUrl, UPDATE, { id: client.id, input: { status: 'ACTIVE' } }, token);
    expect(back.data!.updateClient).toMatchObject({ status: 'ACTIVE', dischargedOn: null });
    expect((await gql(stack.routerUrl, `{ clients(status: DISCHARGED) { id } }`, {}, token)).data!.clients).toEqual([]);
  });

  it("refuses another practice's client, billing staff and no token; changes nothing", async () => {
    const { practice } = await desk();
    const client = await createTestClient(practice);
    const stranger = await desk();
    const stolen = await gql(stack.routerUrl, UPDATE, { id: client.id, input: { firstName: 'Mallory' } }, stranger.token);
    expect(stolen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const billing = await tokenFor(await createTestStaff(practice, { roles: ['BILLING'] }));
    expect((await gql(stack.routerUrl, UPDATE, { id: client.id, input: { firstName: 'Mallory' } }, billing)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, UPDATE, { id: client.id, input: { firstName: 'Mallory' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await testPrisma().client.findUniqueOrThrow({ where: { id: client.id } })).firstName).toBe('Dana');
  });

  it('audits the update as a change to the client', async () => {
    const { practice, token } = await desk();
    const client = await createTestClient(practice);
    await gql(stack.routerUrl, UPDATE, { id: client.id, input: { tags: ['vip'] } }, token);
    const events = await testPrisma().auditEvent.findMany({ where: { entityId: client.id }, select: { action: true, entityType: true } });
    expect(events).toContainEqual({ action: 'UPDATE', entityType: 'Client' });
  });

  it('refuses changes to an erased record', async () => {
    const { practice, token } = await desk();
    const client = await createTestClient(practice);
    await testPrisma().client.update({ where: { id: client.id }, data: { erasedAt: new Date(), email: null } });
    const result = await gql(stack.routerUrl, UPDATE, { id: client.id, input: { email: 'back@example.test' } }, token);
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
