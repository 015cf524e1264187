// Reminder settings through the router: defaults, saving, validation, who may read and change them,
// and that one practice's settings are its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReminderReplansQueue, createRemindersQueue, reminderJobId } from '@solace/workers';
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

const READ = '{ reminderSettings { enabled channels offsetsMinutes quietHoursStart quietHoursEnd } }';
const UPDATE = 'mutation($input: ReminderSettingsInput!) { updateReminderSettings(input: $input) { enabled channels offsetsMinutes quietHoursStart quietHoursEnd } }';
const DEFAULTS = { enabled: true, channels: ['EMAIL', 'SMS'], offsetsMinutes: [2880, 120], quietHoursStart: '21:00', quietHoursEnd: '08:00' };
const CHANGED = { enabled: true, channels: ['EMAIL'], offsetsMinutes: [60, 1440, 10080], quietHoursStart: '22:30', quietHoursEnd: '07:00' };

const staffToken = async (practice: { id: string }, role: 'ADMIN' | 'FRONT_DESK' | 'CLINICIAN' | 'BILLING') => tokenFor(await createTestStaff(practice, { roles: [role] }));

describe('reminder settings', () => {
  it('starts from the defaults, saves offsets largest first, and records who changed them', async () => {
    const practice = await createTestPractice();
    const admin = await staffToken(practice, 'ADMIN');
    expect((await gql(stack.routerUrl, READ, {}, admin)).data!.reminderSettings).toEqual(DEFAULTS);

    const saved = await gql(stack.routerUrl, UPDATE, { input: CHANGED }, admin);
    expect(saved.errors).toBeUndefined();
    const expected = { ...CHANGED, offsetsMinutes: [10080, 1440, 60] };
    expect(saved.data!.updateReminderSettings).toEqual(expected);
    expect((await gql(stack.routerUrl, READ, {}, await staffToken(practice, 'FRONT_DESK'))).data!.reminderSettings).toEqual(expected);

    // Upcoming visits are moved onto the new settings by a worker job queued with the change.
    const replans = createReminderReplansQueue(process.env.REDIS_URL!);
    try {
      const jobs = await replans.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed']);
      expect(jobs.filter((job) => job.data.practiceId === practice.id)).toHaveLength(1);
    } finally {
      await replans.close();
    }

    const row = await testPrisma().reminderSettings.findFirstOrThrow({ where: { practiceId: practice.id }, select: { id: true } });
    const events = await testPrisma().auditEvent.findMany({ where: { practiceId: practice.id, entityType: 'ReminderSettings' }, select: { action: true, entityId: true } });
    expect(events).toEqual([{ action: 'UPDATE', entityId: row.id }]);
  });

  it.each([
    ['no offsets', { offsetsMinutes: [] }],
    ['six offsets', { offsetsMinutes: [15, 30, 60, 120, 240, 480] }],
    ['an offset under 15 minutes', { offsetsMinutes: [10] }],
    ['an offset over 14 days', { offsetsMinutes: [20161] }],
    ['the same offset twice', { offsetsMinutes: [120, 120] }],
    ['no channel', { channels: [] }],
    ['a quiet hour that is not HH:MM', { quietHoursStart: '9pm' }],
    ['a quiet hour past 23:59', { quietHoursEnd: '24:00' }],
  ])('refuses %s as BAD_USER_INPUT and keeps the saved settings', async (_label, change) => {
    const practice = await createTestPractice();
    const admin = await staffToken(practice, 'ADMIN');
    const result = await gql(stack.routerUrl, UPDATE, { input: { ...DEFAULTS, ...change } }, admin);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await testPrisma().reminderSettings.count({ where: { practiceId: practice.id } })).toBe(0);
  });

  it('lets only admins change them, the desk read them, and keeps each practice to its own', async () => {
    const [practice, other] = [await createTestPractice(), await createTestPractice()];
    for (const role of ['FRONT_DESK', 'CLINICIAN', 'BILLING'] as const) {
      const result = await gql(stack.routerUrl, UPDATE, { input: CHANGED }, await staffToken(practice, role));
      expect(result.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    expect((await gql(stack.routerUrl, READ, {}, await staffToken(practice, 'CLINICIAN'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, UPDATE, { input: CHANGED })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await gql(stack.routerUrl, UPDATE, { input: { ...CHANGED, enabled: false } }, await staffToken(other, 'ADMIN'));
    expect((await gql(stack.routerUrl, READ, {}, await staffToken(practice, 'ADMIN'))).data!.reminderSettings).toEqual(DEFAULTS);
    expect(await testPrisma().reminderSettings.count({ where: { practiceId: practice.id } })).toBe(0);
  });

  it('schedules the reminders of a booking from the saved settings, and removes them all on cancelling', async () => {
    const practice = await createTestPractice();
    await gql(stack.routerUrl, UPDATE, { input: { ...CHANGED, channels: ['SMS'], offsetsMinutes: [60, 1440] } }, await staffToken(practice, 'ADMIN'));
    const clinician = await createTestStaff(practice, { roles: ['CLINICIAN'] });
    const token = await tokenFor(clinician);
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    const booked = await gql<{ bookAppointment: { id: string } }>(
      stack.routerUrl,
      'mutation ($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
      { input: { clientId: (await createTestClient(practice)).id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_000_000).toISOString() } },
      token,
    );
    expect(booked.errors).toBeUndefined();
    const id = booked.data!.bookAppointment.id;
    const queue = createRemindersQueue(process.env.REDIS_URL!);
    try {
      for (const offset of [60, 1440]) expect((await queue.getJob(reminderJobId(id, offset, 'SMS')))?.data).toMatchObject({ appointmentId: id, offsetMinutes: offset, channel: 'SMS' });
      expect(await queue.getJob(reminderJobId(id, 2880, 'EMAIL'))).toBeUndefined();
      expect(await queue.getJob(reminderJobId(id, 60, 'EMAIL'))).toBeUndefined();
      // Changing the offsets afterwards does not strand the jobs already scheduled.
      await gql(stack.routerUrl, UPDATE, { input: DEFAULTS }, await staffToken(practice, 'ADMIN'));
      await gql(stack.routerUrl, 'mutation ($id: ID!) { cancelAppointment(id: $id) { status } }', { id }, token);
      for (const offset of [60, 1440]) expect(await queue.getJob(reminderJobId(id, offset, 'SMS'))).toBeUndefined();
    } finally {
      await queue.close();
    }
  });
});
