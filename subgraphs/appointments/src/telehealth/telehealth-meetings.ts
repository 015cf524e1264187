// Telehealth sessions get a meeting from the video provider after the booking commits. A provider
// failure never loses the booking: the appointment keeps no link ("link pending" in the web app)
// and `createMeetingLink` tries again; cancelling deletes the meeting.
import { DomainError, type Logger } from '@solace/server-kit';
import type { AppointmentRepository } from '../appointment/appointment.repository';
import type { Appointment } from '../appointment/appointment.type';
import type { AvailabilityRepository } from '../availability/availability.repository';
import { Modality } from '../catalog/catalog.type';
import { telehealthTopic, VideoProviderError, type VideoProvider } from './video-provider';

export class TelehealthMeetings {
  constructor(
    private readonly provider: VideoProvider,
    private readonly appointments: AppointmentRepository,
    private readonly practices: AvailabilityRepository,
    private readonly log: Logger,
  ) {}

  /** Adds a meeting to a telehealth appointment that has none; logs and returns it unchanged on failure. */
  async attach(appointment: Appointment): Promise<Appointment> {
    if (appointment.modality !== Modality.TELEHEALTH || appointment.meetingJoinUrl) return appointment;
    try {
      return await this.create(appointment);
    } catch (error) {
      this.log.error({ err: error, appointmentId: appointment.id, provider: this.provider.name }, 'telehealth meeting not created; link pending');
      return appointment;
    }
  }

  /**
   * One meeting for a whole series (the same link every week, as clinicians keep a standing room);
   * its meeting is not deleted when single sessions are cancelled, only when none is left to use it
   * (releaseSeriesMeeting).
   */
  async attachToSeries(appointments: Appointment[]): Promise<Appointment[]> {
    const first = appointments[0];
    if (!first || first.modality !== Modality.TELEHEALTH) return appointments;
    try {
      const withMeeting = await this.create(first);
      const meeting = { meetingJoinUrl: withMeeting.meetingJoinUrl!, meetingHostUrl: withMeeting.meetingHostUrl!, meetingExternalId: withMeeting.meetingExternalId! };
      await this.appointments.setMeetingOn(first.practiceId, appointments.map((a) => a.id), meeting);
      return appointments.map((a) => ({ ...a, ...meeting }));
    } catch (error) {
      this.log.error({ err: error, appointmentId: first.id, provider: this.provider.name }, 'telehealth meeting for a series not created; links pending');
      return appointments;
    }
  }

  /** The explicit retry: errors reach the caller with a code. */
  async retry(appointment: Appointment): Promise<Appointment> {
    if (appointment.modality !== Modality.TELEHEALTH) throw new DomainError('BAD_USER_INPUT', 'Only telehealth sessions have a meeting link.', { details: { reason: 'NOT_TELEHEALTH' } });
    if (appointment.meetingJoinUrl) return appointment;
    try {
      return await this.create(appointment);
    } catch (error) {
      if (error instanceof VideoProviderError) {
        throw new DomainError(error.code === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'CONFLICT', 'The video service did not create the meeting; try again shortly.', {
          cause: error,
          details: { reason: 'VIDEO_PROVIDER_FAILED', providerCode: error.providerCode, retryAfterSeconds: error.retryAfterSeconds },
        });
      }
      throw error;
    }
  }

  /** Deletes the meeting of a cancelled session (best effort: an orphaned meeting holds no PHI). */
  async detach(appointment: Appointment): Promise<void> {
    if (!appointment.meetingExternalId || appointment.seriesId) return;
    try {
      await this.provider.deleteMeeting(appointment.meetingExternalId);
    } catch (error) {
      this.log.warn({ err: error, appointmentId: appointment.id }, 'telehealth meeting not deleted');
    }
  }

  /**
   * After sessions of a series were cancelled: deletes the series' meeting once no session still to
   * come uses it (best effort, like detach).
   */
  async releaseSeriesMeeting(cancelled: Appointment[], occurrences: Appointment[], now = new Date()): Promise<void> {
    const meetingId = cancelled.find((a) => a.meetingExternalId)?.meetingExternalId;
    if (!meetingId) return;
    const stillUsed = occurrences.some((o) => o.meetingExternalId === meetingId && o.endsAt > now && (o.status === 'SCHEDULED' || o.status === 'CHECKED_IN'));
    if (stillUsed) return;
    try {
      await this.provider.deleteMeeting(meetingId);
    } catch (error) {
      this.log.warn({ err: error, seriesId: cancelled[0]?.seriesId }, 'telehealth meeting of a series not deleted');
    }
  }

  private async create(appointment: Appointment): Promise<Appointment> {
    const practice = await this.practices.practice(appointment.practiceId);
    const meeting = await this.provider.createMeeting({
      topic: telehealthTopic(practice?.name ?? 'Solace'),
      startsAt: appointment.startsAt,
      durationMinutes: Math.round((appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000),
    });
    return this.appointments.setMeeting(appointment.practiceId, appointment.id, { meetingJoinUrl: meeting.joinUrl, meetingHostUrl: meeting.hostUrl, meetingExternalId: meeting.externalId });
  }
}
