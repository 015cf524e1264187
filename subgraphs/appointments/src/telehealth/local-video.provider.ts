// The local video provider: no meeting exists anywhere. Links are on the reserved .invalid domain
// so nobody mistakes them for a real meeting, and the log says so each time.
import { randomUUID } from 'node:crypto';
import type { Logger } from '@solace/server-kit';
import type { VideoMeeting, VideoMeetingRequest, VideoProvider } from './video-provider';

export const LOCAL_VIDEO_ORIGIN = 'https://local-video.invalid';

export class LocalVideoProvider implements VideoProvider {
  readonly name = 'local';

  constructor(private readonly log: Logger) {}

  async createMeeting(request: VideoMeetingRequest): Promise<VideoMeeting> {
    const externalId = `local-${randomUUID()}`;
    this.log.info({ externalId, startsAt: request.startsAt.toISOString(), durationMinutes: request.durationMinutes }, 'local video provider: no real meeting was created; the links are placeholders');
    return { joinUrl: `${LOCAL_VIDEO_ORIGIN}/meeting/${externalId}`, hostUrl: `${LOCAL_VIDEO_ORIGIN}/meeting/${externalId}?host=1`, externalId };
  }

  async deleteMeeting(externalId: string): Promise<void> {
    this.log.info({ externalId }, 'local video provider: nothing to delete');
  }
}
