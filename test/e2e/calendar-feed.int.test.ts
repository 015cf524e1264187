// A clinician's private iCalendar feed: served by the router at a secret URL, parsed here with
// ical.js as a calendar app would; no client details leave Solace; replacing or revoking the link
// ends the old one; strangers get nothing.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff } from '../support/factories';
import { gql, tokenFor } from '../support/graphql-client';
import { startStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const CREATE = 'mutation { createCalendarFeed { url } }';
/** The public URL names localhost:4000; the test router listens elsewhere. */
const fetchFeed = (url: string) => fetch(`${stack.routerUrl.replace(/\/graphql$/, '')}${new URL(url).pathname}`);

describe('calendar feed', () => {
  it("lists the clinician's sessions as iCalendar events, without client names", async () => {
    const practice = await createTestPractice();
    const [maya, sam] = [await createTestStaff(practice, { displayName: 'Dr. Maya Patel' }), await createTestStaff(practice)];
    const client = await createTestClient(practice, { firstName: 'Dana' });
    const soon = new Date(Date.now() + 2 * 86_400_000);
    const visit = await createTestAppointment(practice, client, maya, { startsAt: soon });
    await createTestAppointment(practice, client, maya, { startsAt: new Date(soon.getTime() + 3 * 3600_000), status: 'CANCELLED' });
    await createTestAppointment(practice, await createTestClient(practice), sam, { startsAt: soon });

    const created = await gql(stack.routerUrl, CREATE, {}, await tokenFor(maya));
    expect(created.errors).toBeUndefined();
    const url = created.data!.createCalendarFeed.url as string;
    expect(url).toMatch(/^http:\/\/localhost:4000\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const text = await response.text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events).toHaveLength(1);
    expect(events[0]!.uid).toBe(`${visit.id}@solace`);
    expect(events[0]!.summary).toBe('Session');
    // iCalendar times have whole seconds.
    expect(events[0]!.startDate.toJSDate().getTime()).toBe(Math.floor(visit.startsAt.getTime() / 1000) * 1000);
    expect(text).not.toContain('Dana');
    expect(text).not.toContain(client.lastName);
  });

  it('stops the old link when a new one is made or the links are revoked, and refuses strangers', async () => {
    const practice = await createTestPractice();
    const maya = await createTestStaff(practice);
    const token = await tokenFor(maya);
    const first = (await gql(stack.routerUrl, CREATE, {}, token)).data!.createCalendarFeed.url as string;
    const second = (await gql(stack.routerUrl, CREATE, {}, token)).data!.createCalendarFeed.url as string;
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await gql(stack.routerUrl, 'mutation { revokeCalendarFeeds }', {}, token)).data!.revokeCalendarFeeds).toBe(1);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await fetchFeed('http://x/calendar/not-a-real-secret-but-long-enough.ics')).status).toBe(404);

    const billing = await createTestStaff(practice, { roles: ['BILLING'] });
    expect((await gql(stack.routerUrl, CREATE, {}, await tokenFor(billing))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(stack.routerUrl, CREATE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
