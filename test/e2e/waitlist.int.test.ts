// The waitlist end to end: a cancelled session's time is offered (held + emailed) to the first
// waitlisted client who wants it; declining moves it on to the next; accepting books it.
import { createLogger, createPrismaClient, createRedis, SlotHolds } from '@solace/server-kit';
import { createWaitlistQueue, WAITLIST_QUEUE } from '@solace/workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalMailboxProvider } from '../../workers/src/email/local-mailbox.provider';
import { wants } from '../../workers/src/waitlist/waitlist.processor';
import { WaitlistRepository } from '../../workers/src/waitlist/waitlist.repository';
import { startWaitlistWorker } from '../../workers/src/waitlist/waitlist.worker';
import { createTestClient, createTestPractice, createTestStaff, testPrisma } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startMailboxWorker, type TestMailbox } from '../support/mailbox';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
let mailbox: TestMailbox;
let worker: ReturnType<typeof startWaitlistWorker>;
const redis = createRedis(process.env.REDIS_URL!);
const queue = createWaitlistQueue(process.env.REDIS_URL!);
const appPrisma = createPrismaClient(process.env.DATABASE_URL!, { poolSize: 2 });

beforeAll(async () => {
  stack = await startStack();
  mailbox = await startMailboxWorker({ prisma: appPrisma, webUrl: 'http://web.test' });
  const log = createLogger('test');
  worker = startWaitlistWorker({
    redisUrl: process.env.REDIS_URL!,
    queueName: WAITLIST_QUEUE,
    waitlist: new WaitlistRepository(appPrisma),
    holds: new SlotHolds(redis),
    queue,
    email: new LocalMailboxProvider(mailbox.dir, log),
    webUrl: 'http://web.test',
    log,
  });
});
afterAll(async () => {
  await worker?.close();
  await mailbox?.close();
  await queue.close();
  redis.disconnect();
  await appPrisma.$disconnect();
  await stack?.stop();
});

const ADD = `mutation($input: WaitlistEntryInput!) { addToWaitlist(input: $input) { id status preferredWeekdays earliestTime latestTime client { id } service { name } } }`;
const VIEW = `query($token: String!) { waitlistOffer(token: $token) { status startsAt clinicianName serviceName practiceName } }`;
const tokenIn = (email: string) => /\/waitlist\/([A-Za-z0-9_-]{43})/.exec(email)![1]!;

/** Three days ahead at 10:00 New York time, on a weekday. */
function futureWeekdayTen(): Date {
  const day = new Date(Date.now() + 3 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 15, 0)); // 10:00 EST / 11:00 EDT
}

describe('waitlist', () => {
  it('offers a cancelled time to the first match, moves on when declined, and books it when accepted', async () => {
    const prisma = testPrisma();
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice, { displayName: 'Dr. Maya Patel' });
    const desk = await tokenFor(await createTestStaff(practice, { roles: ['FRONT_DESK'] }));
    const service = await prisma.service.create({ data: { practiceId: practice.id, name: 'Individual therapy', durationMinutes: 50, priceCents: 15000 } });
    const [booked, first, second, picky] = await Promise.all([1, 2, 3, 4].map(() => createTestClient(practice)));
    const startsAt = futureWeekdayTen();
    const booking = await gql(stack.routerUrl, `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }`, { input: { clientId: booked!.id, clinicianId: maya.id, serviceId: service.id, startsAt } }, desk);
    expect(booking.errors).toBeUndefined();

    const pickyDay = ((new Date(startsAt).getUTCDay() + 1) % 7) + 1; // some other ISO weekday
    const added = [];
    for (const [client, extra] of [[picky, { preferredWeekdays: [pickyDay] }], [first, {}], [second, { preferredClinicianIds: [maya.id], earliestTime: '08:00', latestTime: '13:00' }]] as const) {
      const result = await gql(stack.routerUrl, ADD, { input: { clientId: client!.id, serviceId: service.id, ...extra } }, desk);
      expect(result.errors).toBeUndefined();
      added.push(result.data!.addToWaitlist);
    }
    expect(added.map((entry) => entry.service.name)).toEqual(['Individual therapy', 'Individual therapy', 'Individual therapy']);

    const cancelled = await gql(stack.routerUrl, `mutation($id: ID!) { cancelAppointment(id: $id, reason: CLIENT_REQUEST) { status } }`, { id: booking.data!.bookAppointment.id }, desk);
    expect(cancelled.errors).toBeUndefined();

    // The picky entry wants another weekday; the first matching one is offered the time.
    const firstToken = tokenIn(await mailbox.latestTo(first!.email!, '/waitlist/'));
    const view = await gql(stack.routerUrl, VIEW, { token: firstToken });
    expect(view.data!.waitlistOffer).toMatchObject({ status: 'PENDING', startsAt: startsAt.toISOString(), clinicianName: 'Dr. Maya Patel', serviceName: 'Individual therapy', practiceName: practice.name });
    // Held: nobody can take it online meanwhile.
    expect((await new SlotHolds(redis).busy(practice.id, [maya.id])).get(maya.id)).toHaveLength(1);

    expect((await gql(stack.routerUrl, `mutation($token: String!) { declineWaitlistOffer(token: $token) { status } }`, { token: firstToken })).data!.declineWaitlistOffer.status).toBe('DECLINED');
    const secondToken = tokenIn(await mailbox.latestTo(second!.email!, '/waitlist/'));
    const accepted = await gql(stack.routerUrl, `mutation($token: String!) { acceptWaitlistOffer(token: $token) { status } }`, { token: secondToken });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptWaitlistOffer.status).toBe('ACCEPTED');

    const appointment = await prisma.appointment.findFirstOrThrow({ where: { clientId: second!.id } });
    expect(appointment).toMatchObject({ clinicianId: maya.id, startsAt, bookedVia: 'WAITLIST', status: 'SCHEDULED', serviceId: service.id });
    expect((await prisma.waitlistEntry.findFirstOrThrow({ where: { id: added[2]!.id } })).status).toBe('BOOKED');
    expect((await new SlotHolds(redis).busy(practice.id, [maya.id])).get(maya.id)).toEqual([]);

    const again = await gql(stack.routerUrl, `mutation($token: String!) { acceptWaitlistOffer(token: $token) { status } }`, { token: secondToken });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_CLOSED' });
    expect((await gql(stack.routerUrl, VIEW, { token: 'A'.repeat(43) })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await prisma.appointment.count({ where: { clientId: picky!.id } })).toBe(0);
  });

  it("keeps entries per practice and refuses another practice's clients and services", async () => {
    const prisma = testPrisma();
    const [mine, theirs] = [await createTestPractice(), await createTestPractice()];
    const desk = await tokenFor(await createTestStaff(mine, { roles: ['FRONT_DESK'] }));
    const myService = await prisma.service.create({ data: { practiceId: mine.id, name: 'Intake', durationMinutes: 60, priceCents: 1 } });
    const theirService = await prisma.service.create({ data: { practiceId: theirs.id, name: 'Intake', durationMinutes: 60, priceCents: 1 } });
    const theirClient = await createTestClient(theirs);
    const myClient = await createTestClient(mine);
    expect((await gql(stack.routerUrl, ADD, { input: { clientId: theirClient.id, serviceId: myService.id } }, desk)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.routerUrl, ADD, { input: { clientId: myClient.id, serviceId: theirService.id } }, desk)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const window = await gql(stack.routerUrl, ADD, { input: { clientId: myClient.id, serviceId: myService.id, earliestTime: '14:00', latestTime: '09:00' } }, desk);
    expect(window.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMPTY_TIME_WINDOW' });
    const theirDesk = await tokenFor(await createTestStaff(theirs, { roles: ['ADMIN'] }));
    const entry = (await gql(stack.routerUrl, ADD, { input: { clientId: myClient.id, serviceId: myService.id } }, desk)).data!.addToWaitlist;
    expect((await gql(stack.routerUrl, '{ waitlistEntries { id } }', {}, theirDesk)).data!.waitlistEntries).toEqual([]);
    expect((await gql(stack.routerUrl, `mutation($id: ID!) { removeFromWaitlist(id: $id) { id } }`, { id: entry.id }, theirDesk)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('matches preferences in the practice’s time zone', () => {
    const entry = { id: 'e', clientId: 'c', serviceId: 's', durationMinutes: 50, preferredClinicianIds: [], preferredWeekdays: [1], earliestMinute: 9 * 60, latestMinute: 12 * 60 };
    const monday10 = { clinicianId: 'm', startsAt: new Date('2030-03-04T15:00:00Z'), endsAt: new Date('2030-03-04T15:50:00Z') };
    expect(wants(entry, monday10, 'America/New_York')).toBe(true);
    expect(wants(entry, monday10, 'Asia/Tokyo')).toBe(false); // Tuesday 00:00 there
    expect(wants({ ...entry, latestMinute: 10 * 60 + 30 }, monday10, 'America/New_York')).toBe(false);
    expect(wants({ ...entry, durationMinutes: 80 }, monday10, 'America/New_York')).toBe(false);
    expect(wants({ ...entry, preferredClinicianIds: ['other'] }, monday10, 'America/New_York')).toBe(false);
  });
});
