// For tests: msw handlers that answer like Google's OAuth token endpoint and Calendar API v3
// (events list/insert/update/delete), error bodies included, over an in-memory calendar.
import { randomUUID } from 'node:crypto';
import { http, HttpResponse } from 'msw';

interface FakeEvent {
  id: string;
  summary?: string;
  status: 'confirmed' | 'cancelled';
  transparency?: 'opaque' | 'transparent';
  start: { dateTime?: string; date?: string };
  end: { dateTime?: string; date?: string };
  extendedProperties?: { private?: Record<string, string> };
}

export function googleFake(client = { id: 'test-client-id.apps.googleusercontent.com', secret: 'test-secret' }) {
  const state = {
    /** Authorization codes Google would issue → the refresh token each yields. */
    codes: new Map<string, string>([['good-code', 'refresh-1']]),
    refreshTokens: new Set<string>(['refresh-1']),
    accessTokens: new Set<string>(),
    events: new Map<string, FakeEvent>(),
    requests: [] as string[],
  };
  const apiError = (status: number, reason: string, message: string) => HttpResponse.json({ error: { code: status, message, errors: [{ domain: 'global', reason, message }] } }, { status });
  const authorized = (request: Request) => state.accessTokens.has((request.headers.get('authorization') ?? '').replace(/^Bearer /, ''));
  const issue = () => {
    const token = `ya29.${randomUUID()}`;
    state.accessTokens.add(token);
    return token;
  };

  const handlers = [
    http.post('https://oauth2.googleapis.com/token', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      if (form.get('client_id') !== client.id || form.get('client_secret') !== client.secret) return HttpResponse.json({ error: 'invalid_client', error_description: 'Unauthorized' }, { status: 401 });
      if (form.get('grant_type') === 'authorization_code') {
        const refresh = state.codes.get(form.get('code') ?? '');
        if (!refresh) return HttpResponse.json({ error: 'invalid_grant', error_description: 'Malformed auth code.' }, { status: 400 });
        state.codes.delete(form.get('code')!);
        return HttpResponse.json({ access_token: issue(), expires_in: 3599, refresh_token: refresh, scope: 'https://www.googleapis.com/auth/calendar.events', token_type: 'Bearer' });
      }
      if (form.get('grant_type') === 'refresh_token') {
        if (!state.refreshTokens.has(form.get('refresh_token') ?? '')) return HttpResponse.json({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }, { status: 400 });
        return HttpResponse.json({ access_token: issue(), expires_in: 3599, scope: 'https://www.googleapis.com/auth/calendar.events', token_type: 'Bearer' });
      }
      return HttpResponse.json({ error: 'unsupported_grant_type', error_description: 'Invalid grant_type' }, { status: 400 });
    }),
    http.get('https://www.googleapis.com/calendar/v3/calendars/:calendarId/events', ({ request }) => {
      if (!authorized(request)) return apiError(401, 'authError', 'Invalid Credentials');
      state.requests.push('list');
      const url = new URL(request.url);
      const [min, max] = [Date.parse(url.searchParams.get('timeMin')!), Date.parse(url.searchParams.get('timeMax')!)];
      const items = [...state.events.values()].filter((e) => {
        const start = Date.parse(e.start.dateTime ?? `${e.start.date}T00:00:00Z`);
        const end = Date.parse(e.end.dateTime ?? `${e.end.date}T00:00:00Z`);
        return e.status !== 'cancelled' && start < max && end > min;
      });
      return HttpResponse.json({ kind: 'calendar#events', items });
    }),
    http.post('https://www.googleapis.com/calendar/v3/calendars/:calendarId/events', async ({ request }) => {
      if (!authorized(request)) return apiError(401, 'authError', 'Invalid Credentials');
      const body = (await request.json()) as Omit<FakeEvent, 'id' | 'status'>;
      if (!body.start?.dateTime || !body.end?.dateTime) return apiError(400, 'required', 'Missing end time.');
      const event: FakeEvent = { ...body, id: randomUUID().replace(/-/g, ''), status: 'confirmed' };
      state.events.set(event.id, event);
      state.requests.push(`insert:${event.id}`);
      return HttpResponse.json(event);
    }),
    http.put('https://www.googleapis.com/calendar/v3/calendars/:calendarId/events/:eventId', async ({ request, params }) => {
      if (!authorized(request)) return apiError(401, 'authError', 'Invalid Credentials');
      const existing = state.events.get(String(params.eventId));
      if (!existing || existing.status === 'cancelled') return apiError(404, 'notFound', 'Not Found');
      const event: FakeEvent = { ...(await request.json() as Omit<FakeEvent, 'id' | 'status'>), id: existing.id, status: 'confirmed' };
      state.events.set(event.id, event);
      state.requests.push(`update:${event.id}`);
      return HttpResponse.json(event);
    }),
    http.delete('https://www.googleapis.com/calendar/v3/calendars/:calendarId/events/:eventId', ({ request, params }) => {
      if (!authorized(request)) return apiError(401, 'authError', 'Invalid Credentials');
      const existing = state.events.get(String(params.eventId));
      if (!existing) return apiError(404, 'notFound', 'Not Found');
      if (existing.status === 'cancelled') return apiError(410, 'deleted', 'Resource has been deleted');
      existing.status = 'cancelled';
      state.requests.push(`delete:${existing.id}`);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return { handlers, state, client };
}
