// Zoom meetings through Zoom's REST API with a Server-to-Server OAuth app:
//   token:   POST https://zoom.us/oauth/token?grant_type=account_credentials&account_id=…
//            (basic auth client id:secret) → { access_token, expires_in }
//   create:  POST https://api.zoom.us/v2/users/me/meetings → 201 { id, join_url, start_url }
//   delete:  DELETE https://api.zoom.us/v2/meetings/{id} → 204 (404 code 3001: already gone)
// Errors come as { code, message }. The token is cached until shortly before it expires; a 401
// (Zoom revoked or rotated it) fetches a new one and retries once; 429 and 5xx are retryable.
import { VideoProviderError, type VideoMeeting, type VideoMeetingRequest, type VideoProvider } from './video-provider';

export const ZOOM_OAUTH = 'https://zoom.us';
export const ZOOM_API = 'https://api.zoom.us';

export interface ZoomConfig {
  accountId: string;
  clientId: string;
  clientSecret: string;
  oauthUrl?: string;
  apiUrl?: string;
}

interface ZoomErrorBody {
  code?: number;
  message?: string;
  reason?: string;
  error?: string;
}

const TOKEN_MARGIN_MS = 60_000;

export class ZoomVideoProvider implements VideoProvider {
  readonly name = 'zoom';
  private token: { value: string; expiresAt: number } | null = null;
  private pendingToken: Promise<string> | null = null;

  constructor(
    private readonly config: ZoomConfig,
    private readonly now: () => number = Date.now,
  ) {}

  async createMeeting(request: VideoMeetingRequest): Promise<VideoMeeting> {
    const response = await this.api('POST', '/v2/users/me/meetings', {
      topic: request.topic,
      type: 2, // a scheduled meeting
      start_time: request.startsAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      timezone: 'UTC',
      duration: request.durationMinutes,
      // The clinician admits the client: nobody waits alone in a meeting or joins another's session.
      settings: { join_before_host: false, waiting_room: true },
    });
    const meeting = (await response.json()) as { id: number | string; join_url: string; start_url: string };
    return { joinUrl: meeting.join_url, hostUrl: meeting.start_url, externalId: String(meeting.id) };
  }

  async deleteMeeting(externalId: string): Promise<void> {
    try {
      await this.api('DELETE', `/v2/meetings/${encodeURIComponent(externalId)}`);
    } catch (error) {
      if (error instanceof VideoProviderError && (error.providerCode === '3001' || error.providerCode === '404')) return; // already gone
      throw error;
    }
  }

  private async api(method: string, path: string, body?: unknown, retried = false): Promise<Response> {
    const token = await this.accessToken();
    const response = await this.fetch(`${this.config.apiUrl ?? ZOOM_API}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return response;
    if (response.status === 401 && !retried) {
      this.token = null;
      return this.api(method, path, body, true);
    }
    throw await toError(response);
  }

  /** One token request at a time; concurrent callers share it. */
  private accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.now()) return Promise.resolve(this.token.value);
    this.pendingToken ??= this.fetchToken().finally(() => (this.pendingToken = null));
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    const { accountId, clientId, clientSecret } = this.config;
    const url = `${this.config.oauthUrl ?? ZOOM_OAUTH}/oauth/token?grant_type=account_credentials&account_id=${encodeURIComponent(accountId)}`;
    const response = await this.fetch(url, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` } });
    if (!response.ok) throw await toError(response);
    const { access_token, expires_in } = (await response.json()) as { access_token: string; expires_in: number };
    this.token = { value: access_token, expiresAt: this.now() + expires_in * 1000 - TOKEN_MARGIN_MS };
    return access_token;
  }

  private async fetch(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    } catch (cause) {
      throw Object.assign(new VideoProviderError('PROVIDER_UNAVAILABLE', true, 'Zoom could not be reached.'), { cause });
    }
  }
}

async function toError(response: Response): Promise<VideoProviderError> {
  const body = (await response.json().catch(() => ({}))) as ZoomErrorBody;
  const providerCode = body.code === undefined ? (body.error ?? String(response.status)) : String(body.code);
  const message = `Zoom ${response.status} (${providerCode}): ${body.message ?? body.reason ?? 'no message'}`;
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return new VideoProviderError('RATE_LIMITED', true, message, providerCode, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
  if (response.status >= 500) return new VideoProviderError('PROVIDER_UNAVAILABLE', true, message, providerCode);
  if (response.status === 401) return new VideoProviderError('UNAUTHORIZED', false, message, providerCode);
  return new VideoProviderError('REJECTED', false, message, providerCode);
}
