// Where telehealth meetings come from. Appointment creation asks a VideoProvider for a meeting and
// stores its links; which provider is chosen here from SOLACE_VIDEO_PROVIDER (README.md beside this file).
import type { Logger } from '@solace/server-kit';
import { LocalVideoProvider } from './local-video.provider';
import { ZoomVideoProvider } from './zoom.provider';

export interface VideoMeetingRequest {
  /** Shown in the meeting and to everyone with the link: never the client's name (see telehealthTopic). */
  topic: string;
  startsAt: Date;
  durationMinutes: number;
}

export interface VideoMeeting {
  /** For the client. */
  joinUrl: string;
  /** For the clinician: starts the meeting as host. */
  hostUrl: string;
  /** The provider's meeting id, to delete it when the appointment is cancelled. */
  externalId: string;
}

export interface VideoProvider {
  readonly name: string;
  createMeeting(request: VideoMeetingRequest): Promise<VideoMeeting>;
  /** Deleting a meeting that is already gone succeeds. */
  deleteMeeting(externalId: string): Promise<void>;
}

/** A refused request: `retryable` when trying again later can help (rate limits, outages). */
export class VideoProviderError extends Error {
  constructor(
    readonly code: 'RATE_LIMITED' | 'UNAUTHORIZED' | 'PROVIDER_UNAVAILABLE' | 'REJECTED',
    readonly retryable: boolean,
    message: string,
    /** The provider's own error code (Zoom: 124 invalid token, 300 invalid meeting...). */
    readonly providerCode?: string,
    /** Seconds the provider asked us to wait (Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'VideoProviderError';
  }
}

/** The meeting topic: the practice and the kind of visit, never who the client is. */
export function telehealthTopic(practiceName: string): string {
  return `${practiceName} telehealth session`;
}

export function createVideoProvider(env: NodeJS.ProcessEnv, log: Logger): VideoProvider {
  const kind = env.SOLACE_VIDEO_PROVIDER ?? 'local';
  if (kind === 'local') return new LocalVideoProvider(log);
  if (kind === 'zoom') {
    const missing = ['ZOOM_ACCOUNT_ID', 'ZOOM_CLIENT_ID', 'ZOOM_CLIENT_SECRET'].filter((name) => !env[name]);
    if (missing.length) throw new Error(`SOLACE_VIDEO_PROVIDER=zoom needs ${missing.join(', ')}.`);
    return new ZoomVideoProvider({ accountId: env.ZOOM_ACCOUNT_ID!, clientId: env.ZOOM_CLIENT_ID!, clientSecret: env.ZOOM_CLIENT_SECRET! });
  }
  throw new Error(`Unknown SOLACE_VIDEO_PROVIDER "${kind}". Available: local, zoom.`);
}
