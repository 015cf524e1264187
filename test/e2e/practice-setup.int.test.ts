// Practice setup through the router: services (appointment types), rooms, clinicians' weekly hours
// with time off, and the scheduling policy — with the refusals a front desk would meet.
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

const CREATE_SERVICE = `mutation($input: ServiceInput!) { createService(input: $input) { id name durationMinutes cptCode priceCents bookableOnline modalities active } }`;
const SET_HOURS = `mutation($clinicianId: ID!, $blocks: [WorkingHoursBlockInput!]!) { setWorkingHours(clinicianId: $clinicianId, blocks: $blocks) { weekday startTime endTime } }`;
const ADD_EXCEPTION = `mutation($input: AvailabilityExceptionInput!) { addAvailabilityException(input: $input) { id kind startsAt endsAt label } }`;

const intake = { name: 'Intake assessment', durationMinutes: 60, cptCode: '90791', priceCents: 18000, bookableOnline: true };

describe('practice setup', () => {
  it('lets an admin keep services and rooms; names are unique per practice; inactive ones are hidden by default', async () => {
    const practice = await createTestPractice();
    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    const created = await gql(stack.routerUrl, CREATE_SERVICE, { input: intake }, admin);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createService).toMatchObject({ ...intake, modalities: ['IN_PERSON', 'TELEHEALTH'], active: true });

    const duplicate = await gql(stack.routerUrl, CREATE_SERVICE, { input: intake }, admin);
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const badCode = await gql(stack.routerUrl, CREATE_SERVICE, { input: { ...intake, name: 'x', cptCode: '9079' } }, admin);
    expect(badCode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const id = created.data!.createService.id as string;
    const retired = await gql(stack.routerUrl, `mutation($id: ID!, $input: ServiceInput!) { updateService(id: $id, input: $input) { active } }`, { id, input: { ...intake, active: false } }, admin);
    expect(retired.data!.updateService.active).toBe(false);
    expect((await gql(stack.routerUrl, '{ services { id } }', {}, admin)).data!.services).toEqual([]);
    expect((await gql(stack.routerUrl, '{ services(includeInactive: true) { id } }', {}, admin)).data!.services).toEqual([{ id }]);

    const room = await gql(stack.routerUrl, `mutation { createRoom(input: { name: "Room 2" }) { id name active } }`, {}, admin);
    expect(room.data!.createRoom).toMatchObject({ name: 'Room 2', active: true });
    expect((await gql(stack.routerUrl, '{ rooms { name } }', {}, admin)).data!.rooms).toEqual([{ name: 'Room 2' }]);
  });

  it("refuses another practice's service and room ids, and staff who are not admins", async () => {
    const [mine, theirs] = [await createTestPractice(), await createTestPractice()];
    const theirAdmin = await tokenFor(await createTestStaff(theirs, { roles: ['ADMIN'] }));
    const id = (await gql(stack.routerUrl, CREATE_SERVICE, { input: intake }, theirAdmin)).data!.createService.id as string;
    const myAdmin = await tokenFor(await createTestStaff(mine, { roles: ['ADMIN'] }));
    const stolen = await gql(stack.routerUrl, `mutation($id: ID!, $input: ServiceInput!) { updateService(id: $id, input: $input) { id } }`, { id, input: intake }, myAdmin);
    expect(stolen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, '{ services(includeInactive: true) { id } }', {}, myAdmin)).data!.services).toEqual([]);
    const desk = await tokenFor(await createTestStaff(mine, { roles: ['FRONT_DESK'] }));
    expect((await gql(stack.routerUrl, CREATE_SERVICE, { input: intake }, desk)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("keeps a clinician's week: blocks sorted, overlaps refused, clinicians change only their own", async () => {
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice);
    const sam = await createTestStaff(practice);
    const mayaToken = await tokenFor(maya);
    const week = [
      { weekday: 3, startTime: '13:00', endTime: '17:00' },
      { weekday: 1, startTime: '09:00', endTime: '12:00' },
      { weekday: 3, startTime: '09:00', endTime: '12:00' },
    ];
    const saved = await gql(stack.routerUrl, SET_HOURS, { clinicianId: maya.id, blocks: week }, mayaToken);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.setWorkingHours).toEqual([week[1], week[2], week[0]]);

    const overlapping = await gql(stack.routerUrl, SET_HOURS, { clinicianId: maya.id, blocks: [week[0], { weekday: 3, startTime: '16:00', endTime: '18:00' }] }, mayaToken);
    expect(overlapping.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OVERLAPPING_BLOCKS' });
    const badTime = await gql(stack.routerUrl, SET_HOURS, { clinicianId: maya.id, blocks: [{ weekday: 8, startTime: '9:00', endTime: '12:00' }] }, mayaToken);
    expect(badTime.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Nothing half-written: the week is as saved before the refusals.
    expect((await gql(stack.routerUrl, `query($id: ID!) { workingHours(clinicianId: $id) { weekday startTime endTime } }`, { id: maya.id }, mayaToken)).data!.workingHours).toEqual([week[1], week[2], week[0]]);

    const others = await gql(stack.routerUrl, SET_HOURS, { clinicianId: sam.id, blocks: week }, mayaToken);
    expect(others.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    expect((await gql(stack.routerUrl, SET_HOURS, { clinicianId: sam.id, blocks: week }, desk)).errors).toBeUndefined();
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] }));
    expect((await gql(stack.routerUrl, SET_HOURS, { clinicianId: sam.id, blocks: week }, stranger)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records time off and extra hours, lists them by range, and lets only the right people remove them', async () => {
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice);
    const mayaToken = await tokenFor(maya);
    const input = { clinicianId: maya.id, kind: 'TIME_OFF', startsAt: '2030-07-01T00:00:00.000Z', endsAt: '2030-07-08T00:00:00.000Z', label: 'Vacation' };
    const added = await gql(stack.routerUrl, ADD_EXCEPTION, { input }, mayaToken);
    expect(added.errors).toBeUndefined();
    const backwards = await gql(stack.routerUrl, ADD_EXCEPTION, { input: { ...input, endsAt: input.startsAt } }, mayaToken);
    expect(backwards.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const list = `query($id: ID!, $from: DateTimeISO!, $to: DateTimeISO!) { availabilityExceptions(clinicianId: $id, from: $from, to: $to) { id kind label } }`;
    const july = await gql(stack.routerUrl, list, { id: maya.id, from: '2030-07-05T00:00:00Z', to: '2030-07-06T00:00:00Z' }, mayaToken);
    expect(july.data!.availabilityExceptions).toEqual([{ id: added.data!.addAvailabilityException.id, kind: 'TIME_OFF', label: 'Vacation' }]);
    const august = await gql(stack.routerUrl, list, { id: maya.id, from: '2030-08-01T00:00:00Z', to: '2030-08-02T00:00:00Z' }, mayaToken);
    expect(august.data!.availabilityExceptions).toEqual([]);

    const remove = `mutation($id: ID!) { removeAvailabilityException(id: $id) }`;
    const id = added.data!.addAvailabilityException.id;
    const colleague = await tokenFor(await createTestStaff(practice));
    expect((await gql(stack.routerUrl, remove, { id }, colleague)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stranger = await tokenFor(await createTestStaff(await createTestPractice(), { roles: ['ADMIN'] }));
    expect((await gql(stack.routerUrl, remove, { id }, stranger)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, remove, { id }, mayaToken)).data!.removeAvailabilityException).toBe(true);
  });

  it('uses sensible scheduling defaults until an admin saves a policy', async () => {
    const practice = await createTestPractice();
    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    const read = '{ schedulingPolicy { lateCancelHours minimumNoticeHours bookingHorizonDays slotStepMinutes } }';
    expect((await gql(stack.routerUrl, read, {}, admin)).data!.schedulingPolicy).toEqual({ lateCancelHours: 24, minimumNoticeHours: 24, bookingHorizonDays: 60, slotStepMinutes: 30 });
    const update = `mutation($input: SchedulingPolicyInput!) { updateSchedulingPolicy(input: $input) { lateCancelHours slotStepMinutes } }`;
    const policy = { lateCancelHours: 48, minimumNoticeHours: 12, bookingHorizonDays: 30, slotStepMinutes: 15 };
    expect((await gql(stack.routerUrl, update, { input: policy }, admin)).data!.updateSchedulingPolicy).toEqual({ lateCancelHours: 48, slotStepMinutes: 15 });
    expect((await gql(stack.routerUrl, update, { input: { ...policy, slotStepMinutes: 7 } }, admin)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gql(stack.routerUrl, read, {}, admin)).data!.schedulingPolicy).toEqual(policy);
  });

  it('lets an admin rename the practice and change its time zone, refusing unknown zones', async () => {
    const practice = await createTestPractice();
    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    const update = `mutation($input: PracticeSettingsInput!) { updatePracticeSettings(input: $input) { name timeZone } }`;
    const saved = await gql(stack.routerUrl, update, { input: { name: 'Peachtree Counseling', timeZone: 'America/Chicago' } }, admin);
    expect(saved.data!.updatePracticeSettings).toEqual({ name: 'Peachtree Counseling', timeZone: 'America/Chicago' });
    expect((await gql(stack.routerUrl, update, { input: { name: 'x', timeZone: 'Mars/Olympus' } }, admin)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_TIME_ZONE' });
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    expect((await gql(stack.routerUrl, update, { input: { name: 'x', timeZone: 'UTC' } }, desk)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, '{ currentPractice { timeZone } }', {}, admin)).data!.currentPractice.timeZone).toBe('America/Chicago');
  });

  it('keeps the practice’s public details: contact, address, NPI and EIN, checked, left alone when omitted and cleared with null', async () => {
    const practice = await createTestPractice();
    const admin = await tokenFor(await createTestStaff(practice, { roles: ['ADMIN'] }));
    const DETAILS = 'name timeZone phone email npi taxId address { line1 line2 city state postalCode }';
    const update = `mutation($input: PracticeSettingsInput!) { updatePracticeSettings(input: $input) { ${DETAILS} } }`;
    const details = { phone: '(404) 555-0142', email: 'hello@peachtree.example', address: { line1: '12 Peachtree St NE', line2: 'Suite 300', city: 'Atlanta', state: 'GA', postalCode: '30303' }, npi: '1234567893', taxId: '58-1234567' };
    const saved = await gql(stack.routerUrl, update, { input: { name: 'Peachtree Counseling', timeZone: 'America/New_York', ...details } }, admin);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updatePracticeSettings).toEqual({ name: 'Peachtree Counseling', timeZone: 'America/New_York', ...details });

    // Only the name and zone: the details stay. A nine-digit EIN is accepted and shown with its dash.
    const renamed = await gql(stack.routerUrl, update, { input: { name: 'Peachtree Counseling LLC', timeZone: 'America/New_York', taxId: '581234567' } }, admin);
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updatePracticeSettings).toMatchObject({ name: 'Peachtree Counseling LLC', npi: '1234567893', taxId: '58-1234567', address: details.address });

    // Bad details are refused with the field named, and nothing changes.
    for (const [field, value] of [['npi', '1234567890'], ['taxId', '58-123'], ['email', 'not-an-email'], ['address', { ...details.address, state: 'Georgia' }], ['address', { ...details.address, postalCode: 'ABC' }]] as const) {
      const refused = await gql(stack.routerUrl, update, { input: { name: 'Changed', timeZone: 'America/New_York', [field]: value } }, admin);
      expect(refused.errors?.[0]?.extensions?.code, `${field} ${JSON.stringify(value)}`).toBe('BAD_USER_INPUT');
      // The field is named, so the form can mark it.
      expect((refused.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((entry) => entry.field)).toEqual([field]);
    }
    expect((await gql(stack.routerUrl, `{ currentPractice { ${DETAILS} } }`, {}, admin)).data!.currentPractice.name).toBe('Peachtree Counseling LLC');

    // null (or blank text) clears an optional detail.
    const cleared = await gql(stack.routerUrl, update, { input: { name: 'Peachtree Counseling LLC', timeZone: 'America/New_York', address: null, npi: null, phone: '  ', taxId: ' ' } }, admin);
    expect(cleared.data!.updatePracticeSettings).toMatchObject({ address: null, npi: null, phone: null, email: details.email, taxId: null });

    // Another practice's admin changes only their own practice.
    const elsewhere = await createTestPractice();
    const stranger = await tokenFor(await createTestStaff(elsewhere, { roles: ['ADMIN'] }));
    expect((await gql(stack.routerUrl, update, { input: { name: 'Elsewhere', timeZone: 'UTC', npi: null } }, stranger)).data!.updatePracticeSettings.name).toBe('Elsewhere');
    expect((await testPrisma().practice.findFirstOrThrow({ where: { id: elsewhere.id } })).name).toBe('Elsewhere');
    expect((await gql(stack.routerUrl, `{ currentPractice { name } }`, {}, admin)).data!.currentPractice.name).toBe('Peachtree Counseling LLC');
  });
});
