// Google Calendar through its REST API (OAuth 2.0 web-server flow with offline access; Calendar API v3).
// fetch only: the few calls needed do not justify the googleapis SDK's size.
import { DateTime } from 'luxon';
import { CalendarProviderError, type CalendarProvider, type CalendarTokens, type OutsideEvent } from './calendar-provider';

const AUTH_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
const TOKEN_URL = 'https://oauth2.googleapis.com/token';
const API = 'https://www.googleapis.com/calendar/v3';
// Events we write and read; nothing else of the account.
const SCOPES = ['https://www.googleapis.com/auth/calendar.events'];

interface GoogleEvent {
  id: string;
  status?: string;
  transparency?: string;
  start?: { dateTime?: string; date?: string };
  end?: { dateTime?: string; date?: string };
  extendedProperties?: { private?: Record<string, string> };
}

export class GoogleCalendarProvider implements CalendarProvider {
  readonly name = 'GOOGLE' as const;

  constructor(private readonly credentials: { clientId: string; clientSecret: string }) {}

  authorizationUrl(state: string, redirectUri: string): string {
    const params = new URLSearchParams({
      client_id: this.credentials.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: SCOPES.join(' '),
      access_type: 'offline',
      // Asks again so Google returns a refresh token even if the account connected before.
      prompt: 'consent',
      include_granted_scopes: 'true',
      state,
    });
    return `${AUTH_URL}?${params.toString()}`;
  }

  exchangeCode(code: string, redirectUri: string): Promise<CalendarTokens> {
    return this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
  }

  refresh(refreshToken: string): Promise<CalendarTokens> {
    return this.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  async listEvents(accessToken: string, calendarId: string, from: Date, to: Date, timeZone: string): Promise<OutsideEvent[]> {
    const events: OutsideEvent[] = [];
    let pageToken: string | undefined;
    do {
      const params = new URLSearchParams({ timeMin: from.toISOString(), timeMax: to.toISOString(), singleEvents: 'true', maxResults: '2500', showDeleted: 'false' });
      if (pageToken) params.set('pageToken', pageToken);
      const page = await this.call<{ items?: GoogleEvent[]; nextPageToken?: string }>(accessToken, 'GET', `/calendars/${encodeURIComponent(calendarId)}/events?${params.toString()}`);
      for (const item of page.items ?? []) {
        if (item.status === 'cancelled' || !item.start || !item.end) continue;
        const startsAt = instant(item.start, timeZone);
        const endsAt = instant(item.end, timeZone);
        if (!startsAt || !endsAt || endsAt <= startsAt) continue;
        events.push({ startsAt, endsAt, free: item.transparency === 'transparent', solaceAppointmentId: item.extendedProperties?.private?.solaceAppointmentId });
      }
      pageToken = page.nextPageToken;
    } while (pageToken);
    return events;
  }

  async upsertEvent(accessToken: string, calendarId: string, event: { externalEventId?: string; appointmentId: string; summary: string; startsAt: Date; endsAt: Date }): Promise<string> {
    const body = {
      summary: event.summary,
      start: { dateTime: event.startsAt.toISOString() },
      end: { dateTime: event.endsAt.toISOString() },
      transparency: 'opaque',
      // Private to this app's token; how pulled events are recognised as our own.
      extendedProperties: { private: { solaceAppointmentId: event.appointmentId } },
    };
    const path = `/calendars/${encodeURIComponent(calendarId)}/events`;
    if (event.externalEventId) {
      try {
        return (await this.call<{ id: string }>(accessToken, 'PUT', `${path}/${encodeURIComponent(event.externalEventId)}`, body)).id;
      } catch (error) {
        // Deleted in Google meanwhile: write it again.
        if (!(error instanceof CalendarProviderError && (error.status === 404 || error.status === 410))) throw error;
      }
    }
    return (await this.call<{ id: string }>(accessToken, 'POST', path, body)).id;
  }

  async deleteEvent(accessToken: string, calendarId: string, externalEventId: string): Promise<void> {
    try {
      await this.call(accessToken, 'DELETE', `/calendars/${encodeURIComponent(calendarId)}/events/${encodeURIComponent(externalEventId)}`);
    } catch (error) {
      if (error instanceof CalendarProviderError && (error.status === 404 || error.status === 410)) return; // already gone
      throw error;
    }
  }

  private async token(grant: Record<string, string>): Promise<CalendarTokens> {
    const response = await fetch(TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...grant, client_id: this.credentials.clientId, client_secret: this.credentials.clientSecret }),
    });
    const json = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; refresh_token?: string; error?: string; error_description?: string };
    if (!response.ok || !json.access_token) {
      // invalid_grant: the refresh token was revoked or expired; the clinician must connect again.
      throw new CalendarProviderError(json.error_description ?? 'Google refused the token request.', json.error ?? `http_${response.status}`, response.status, json.error === 'invalid_grant');
    }
    return { accessToken: json.access_token, expiresInSeconds: json.expires_in ?? 3600, refreshToken: json.refresh_token };
  }

  private async call<T>(accessToken: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${API}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status === 204) return undefined as T;
    const json = (await response.json().catch(() => ({}))) as T & { error?: { code?: number; message?: string; errors?: { reason?: string }[] } };
    if (!response.ok) {
      const reason = json.error?.errors?.[0]?.reason ?? `http_${response.status}`;
      throw new CalendarProviderError(json.error?.message ?? `Google Calendar answered ${response.status}.`, reason, response.status, response.status === 401);
    }
    return json;
  }
}

/** A Google date-time, or an all-day date taken as local midnight in the practice's zone. */
function instant(value: { dateTime?: string; date?: string }, timeZone: string): Date | null {
  if (value.dateTime) return new Date(value.dateTime);
  if (value.date) return DateTime.fromISO(value.date, { zone: timeZone }).toJSDate();
  return null;
}

export function createCalendarProvider(env: NodeJS.ProcessEnv = process.env): CalendarProvider | null {
  const clientId = env.SOLACE_GOOGLE_CLIENT_ID;
  const clientSecret = env.SOLACE_GOOGLE_CLIENT_SECRET;
  return clientId && clientSecret ? new GoogleCalendarProvider({ clientId, clientSecret }) : null;
}
