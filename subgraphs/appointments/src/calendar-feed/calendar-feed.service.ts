// A clinician's private iCalendar feed (issue 4, calendar interop): a secret URL their calendar app
// subscribes to. Calendars outside Solace are outside the HIPAA boundary, so events carry no client
// name or detail — only "Session", the time and a link back to Solace. The secret is shown once;
// asking again replaces it; revoking ends every link of the clinician.
import { createHash, randomBytes } from 'node:crypto';
import { DomainError, type AuthClaims } from '@solace/server-kit';
import ical, { ICalEventStatus } from 'ical-generator';
import type { CalendarFeedRepository } from './calendar-feed.repository';

const PAST_DAYS = 30;
const FUTURE_DAYS = 180;
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export class CalendarFeedService {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly urls: { publicApiUrl: string; webUrl: string },
  ) {}

  /** A new secret feed URL for the signed-in clinician; earlier links stop working. */
  async create(user: AuthClaims, now = new Date()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.feeds.replace(user.practiceId, user.sub, sha256(token), now);
    return `${this.urls.publicApiUrl}/calendar/${token}.ics`;
  }

  revokeAll(user: AuthClaims, now = new Date()): Promise<number> {
    return this.feeds.revokeAll(user.practiceId, user.sub, now);
  }

  /** The feed's iCalendar text; NOT_FOUND for an unknown or revoked secret. Runs in the system scope. */
  async render(token: string, now = new Date()): Promise<string> {
    const feed = await this.feeds.findLive(sha256(token));
    if (!feed) throw new DomainError('NOT_FOUND', 'This calendar link is not valid (it may have been replaced or revoked).');
    const [practice, appointments] = await Promise.all([
      this.feeds.practiceName(feed.practiceId),
      this.feeds.appointmentsOf(feed.practiceId, feed.staffUserId, new Date(now.getTime() - PAST_DAYS * 86_400_000), new Date(now.getTime() + FUTURE_DAYS * 86_400_000)),
    ]);
    await this.feeds.touch(feed.id, feed.practiceId, now);
    const calendar = ical({ name: `Solace — ${practice?.name ?? 'sessions'}`, prodId: { company: 'Solace', product: 'Solace', language: 'EN' }, ttl: 15 * 60 });
    for (const appointment of appointments) {
      calendar.createEvent({
        id: `${appointment.id}@solace`,
        start: appointment.startsAt,
        end: appointment.endsAt,
        stamp: appointment.updatedAt,
        summary: 'Session',
        description: 'Details in Solace.',
        url: `${this.urls.webUrl}/today`,
        status: ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  }
}
