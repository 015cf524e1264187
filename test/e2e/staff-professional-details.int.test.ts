// Staff professional details through the router: a clinician records their own credentials, NPI
// and licence; an admin anyone's; nobody else's, and nothing from another practice. Credentials
// then follow the clinician's name on note PDFs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const UPDATE = 'mutation ($id: ID!, $input: StaffProfessionalDetailsInput!) { updateStaffProfessionalDetails(id: $id, input: $input) { id credentials npi license { number state expiresOn renewalDue } } }';
const codes = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => (result.errors ?? []).map((e) => e.extensions?.code);
const isoDay = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

describe('staff professional details', () => {
  it('lets a clinician keep their own credentials, NPI and licence, flagging a renewal that is due', async () => {
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice, { displayName: 'Maya Lindqvist' });
    const token = await tokenFor(maya);
    const saved = await gql(stack.routerUrl, UPDATE, { id: maya.id, input: { credentials: ' LPC, NCC ', npi: '1234567893', license: { number: 'lpc 012345', state: 'GA', expiresOn: isoDay(400) } } }, token);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateStaffProfessionalDetails).toEqual({ id: maya.id, credentials: 'LPC, NCC', npi: '1234567893', license: { number: 'LPC 012345', state: 'GA', expiresOn: isoDay(400), renewalDue: false } });

    // Renewal within 60 days is flagged; leaving fields out keeps them; null clears the licence.
    const soon = await gql(stack.routerUrl, UPDATE, { id: maya.id, input: { license: { number: 'LPC 012345', state: 'GA', expiresOn: isoDay(30) } } }, token);
    expect(soon.data!.updateStaffProfessionalDetails).toMatchObject({ credentials: 'LPC, NCC', npi: '1234567893', license: { renewalDue: true } });
    const cleared = await gql(stack.routerUrl, UPDATE, { id: maya.id, input: { license: null, npi: '' } }, token);
    expect(cleared.data!.updateStaffProfessionalDetails).toMatchObject({ credentials: 'LPC, NCC', npi: null, license: null });

    // The calendar and staff lists read them.
    const listed = await gql(stack.routerUrl, '{ staffUsers { id credentials } }', {}, token);
    expect(listed.data!.staffUsers).toContainEqual({ id: maya.id, credentials: 'LPC, NCC' });
  });

  it('refuses bad values with the field named, and changes nothing', async () => {
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice);
    const token = await tokenFor(maya);
    for (const input of [{ npi: '1234567890' }, { license: { number: 'LPC1', state: 'Georgia' } }, { license: { number: 'LPC1', state: 'GA', expiresOn: '2027-02-30' } }, { credentials: 'LPC <b>' }]) {
      const refused = await gql(stack.routerUrl, UPDATE, { id: maya.id, input }, token);
      expect(codes(refused), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      // The refused field is named, so the form marks it.
      expect((refused.errors![0]!.extensions!.fields as Array<{ field: string }>).map((entry) => entry.field)).toEqual(Object.keys(input));
    }
    expect(await testPrisma().staffUser.findFirstOrThrow({ where: { id: maya.id }, select: { npi: true, licenseState: true, credentials: true } })).toEqual({ npi: null, licenseState: null, credentials: null });
  });

  it('lets an admin keep anyone’s in the practice, and refuses colleagues, other roles and strangers', async () => {
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice);
    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    expect((await gql(stack.routerUrl, UPDATE, { id: maya.id, input: { credentials: 'LCSW' } }, admin)).data!.updateStaffProfessionalDetails.credentials).toBe('LCSW');

    const colleague = await tokenFor(await createTestStaff(practice, { roles: ['CLINICIAN', 'SUPERVISOR'] }));
    expect(codes(await gql(stack.routerUrl, UPDATE, { id: maya.id, input: { credentials: 'X' } }, colleague))).toEqual(['FORBIDDEN']);
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    expect(codes(await gql(stack.routerUrl, UPDATE, { id: maya.id, input: { credentials: 'X' } }, desk))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(stack.routerUrl, UPDATE, { id: maya.id, input: { credentials: 'X' } }))).toEqual(['UNAUTHENTICATED']);
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] }));
    expect(codes(await gql(stack.routerUrl, UPDATE, { id: maya.id, input: { credentials: 'X' } }, stranger))).toEqual(['NOT_FOUND']);
    expect((await testPrisma().staffUser.findFirstOrThrow({ where: { id: maya.id } })).credentials).toBe('LCSW');
  });
});
