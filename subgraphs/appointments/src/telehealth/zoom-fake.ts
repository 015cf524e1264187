// For tests: msw handlers that answer like Zoom's OAuth and Meetings APIs (error bodies as Zoom
// documents them) and record what they were asked.
import { http, HttpResponse } from 'msw';
import { ZOOM_API, ZOOM_OAUTH } from './zoom.provider';

export function zoomFake(app = { accountId: 'acct-1', clientId: 'client-1', clientSecret: 'secret-1' }) {
  const state = {
    tokensIssued: 0,
    valid: new Set<string>(),
    meetings: new Map<string, { topic: string; start_time: string; duration: number; timezone: string; settings: Record<string, unknown> }>(),
    /** Statuses to answer meeting requests with before serving them again (429, 500...). */
    failures: [] as number[],
  };
  const zoomError = (status: number, code: number, message: string, headers?: Record<string, string>) => HttpResponse.json({ code, message }, { status, headers });
  const authorized = (request: Request) => state.valid.has(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '');

  const handlers = [
    http.post(`${ZOOM_OAUTH}/oauth/token`, ({ request }) => {
      const url = new URL(request.url);
      const basic = `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`;
      if (request.headers.get('authorization') !== basic) return HttpResponse.json({ reason: 'Invalid client_id or client_secret', error: 'invalid_client' }, { status: 401 });
      if (url.searchParams.get('grant_type') !== 'account_credentials' || url.searchParams.get('account_id') !== app.accountId) {
        return HttpResponse.json({ reason: 'Invalid request : Account ID is invalid', error: 'invalid_request' }, { status: 400 });
      }
      const token = `token-${++state.tokensIssued}`;
      state.valid.add(token);
      return HttpResponse.json({ access_token: token, token_type: 'bearer', expires_in: 3600, scope: 'meeting:write:meeting:admin', api_url: ZOOM_API });
    }),
    http.post(`${ZOOM_API}/v2/users/me/meetings`, async ({ request }) => {
      if (!authorized(request)) return zoomError(401, 124, 'Invalid access token.');
      const failure = state.failures.shift();
      if (failure === 429) return zoomError(429, 429, 'You have reached the maximum per-second rate limit for this API. Try again later.', { 'Retry-After': '2' });
      if (failure) return zoomError(failure, failure, 'Internal Error');
      const body = (await request.json()) as { topic?: string; type?: number; start_time?: string; duration?: number; timezone?: string; settings?: Record<string, unknown> };
      if (!body.topic || body.type !== 2 || !body.start_time || !body.duration) return zoomError(400, 300, 'Validation Failed.');
      const id = String(80_000_000_000 + state.meetings.size + 1);
      state.meetings.set(id, { topic: body.topic, start_time: body.start_time, duration: body.duration, timezone: body.timezone ?? '', settings: body.settings ?? {} });
      return HttpResponse.json(
        { id: Number(id), uuid: `uuid-${id}`, topic: body.topic, type: 2, start_time: body.start_time, duration: body.duration, join_url: `https://us02web.zoom.us/j/${id}?pwd=client`, start_url: `https://us02web.zoom.us/s/${id}?zak=host` },
        { status: 201 },
      );
    }),
    http.delete(`${ZOOM_API}/v2/meetings/:id`, ({ request, params }) => {
      if (!authorized(request)) return zoomError(401, 124, 'Invalid access token.');
      const id = String(params.id);
      if (!state.meetings.delete(id)) return zoomError(404, 3001, `Meeting does not exist: ${id}.`);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
  return { handlers, app, state };
}
