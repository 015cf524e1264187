import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { AppointmentSideEffects } from '../appointment/appointment.events';
import { asConflict, type AppointmentService, type BookingRequest } from '../appointment/appointment.service';
import { AppointmentStatus, BookingChannel, CancelReason, type Appointment } from '../appointment/appointment.type';
import type { AvailabilityRepository } from '../availability/availability.repository';
import type { SchedulingPolicyRepository } from '../scheduling-policy/scheduling-policy.repository';
import type { TelehealthMeetings } from '../telehealth/telehealth-meetings';
import { expand, RecurrenceError, ruleFor, shiftByWallClock } from './occurrences';
import type { Move, SeriesRepository } from './series.repository';
import { SeriesEditScope, type AppointmentSeries, type SeriesBooking, type SkippedOccurrence } from './series.type';

const CLIENT_REASONS: CancelReason[] = [CancelReason.CLIENT_REQUEST, CancelReason.CLIENT_ILLNESS];

export interface Recurrence {
  frequency?: 'WEEKLY' | 'EVERY_TWO_WEEKS' | 'MONTHLY';
  count?: number;
  until?: Date;
  rule?: string;
}

/** Replaces a rule's end with COUNT=n (splitting a series keeps FREQ, INTERVAL, BYDAY...). */
export const withCount = (rule: string, count: number) => [...rule.split(';').filter((part) => !/^(COUNT|UNTIL)=/.test(part)), `COUNT=${count}`].join(';');

const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

export class SeriesService {
  constructor(
    private readonly series: SeriesRepository,
    private readonly appointments: AppointmentService,
    private readonly practices: AvailabilityRepository,
    private readonly policies: SchedulingPolicyRepository,
    private readonly sideEffects: AppointmentSideEffects,
    private readonly meetings?: TelehealthMeetings,
  ) {}

  byIds(practiceId: string, ids: readonly string[]): Promise<AppointmentSeries[]> {
    return this.series.byIds(practiceId, ids);
  }

  async book(user: AuthClaims, request: BookingRequest & { recurrence: Recurrence; skipConflicts: boolean }, requestId: string): Promise<SeriesBooking> {
    const first = await this.appointments.prepare(user.practiceId, { ...request, clinicianId: request.clinicianId ?? user.sub }, BookingChannel.STAFF);
    const timeZone = (await this.practices.practice(user.practiceId))?.timeZone;
    if (!timeZone) throw notFound('Practice', user.practiceId);
    const rule = this.rule(request.recurrence, timeZone);
    let starts: Date[];
    try {
      starts = expand(rule, first.startsAt, timeZone);
    } catch (error) {
      if (error instanceof RecurrenceError) throw new DomainError('BAD_USER_INPUT', error.message, { details: { reason: 'BAD_RECURRENCE' } });
      throw error;
    }
    const length = first.endsAt.getTime() - first.startsAt.getTime();
    const wanted = starts.map((startsAt) => ({ ...first, startsAt, endsAt: new Date(startsAt.getTime() + length) }));

    // Pre-check against what is booked, so the answer names every taken session at once.
    const existing = await this.series.blocking(user.practiceId, first, wanted[0]!.startsAt, wanted[wanted.length - 1]!.endsAt);
    const skipped: SkippedOccurrence[] = [];
    const free = wanted.filter((row) => {
      const clash = existing.find((e) => overlaps(e, row));
      if (!clash) return true;
      const reason = clash.clinicianId === row.clinicianId ? 'CLINICIAN_OVERLAP' : clash.clientId === row.clientId ? 'CLIENT_OVERLAP' : 'ROOM_OVERLAP';
      skipped.push({ startsAt: row.startsAt, endsAt: row.endsAt, reason });
      return false;
    });
    if (skipped.length > 0 && !request.skipConflicts) {
      throw new DomainError('CONFLICT', `${skipped.length} of ${wanted.length} sessions clash with existing appointments.`, {
        details: { reason: skipped[0]!.reason, taken: skipped.map((s) => s.startsAt.toISOString()) },
      });
    }
    if (free.length === 0) throw new DomainError('CONFLICT', 'Every session of this series clashes with existing appointments.', { details: { reason: skipped[0]!.reason } });

    const { series, booked: created } = await this.series
      .create({ practiceId: user.practiceId, clientId: first.clientId, clinicianId: first.clinicianId, serviceId: first.serviceId, roomId: first.roomId, modality: first.modality, rrule: rule, timeZone, firstStartsAt: first.startsAt, durationMinutes: Math.round(length / 60_000) }, free)
      .catch(asConflict);
    const booked = this.meetings ? await this.meetings.attachToSeries(created) : created;
    for (const appointment of booked) await this.sideEffects.booked(appointment, requestId);
    return { series, booked, skipped };
  }

  /** Moves this session, this and the following ones, or every future one; all or nothing. */
  async edit(user: AuthClaims, args: { appointmentId: string; scope: SeriesEditScope; startsAt: Date; endsAt: Date; clinicianId?: string; roomId?: string }, requestId: string): Promise<Appointment[]> {
    const anchor = await this.appointments.get(user, args.appointmentId);
    if (!anchor.seriesId || args.scope === SeriesEditScope.THIS) {
      return [await this.appointments.reschedule(user, anchor.id, args, requestId)];
    }
    if (!(args.endsAt > args.startsAt)) throw new DomainError('BAD_USER_INPUT', 'A session must end after it starts.');
    if (args.clinicianId && !(await this.appointments.isActiveClinician(user.practiceId, args.clinicianId))) {
      throw new DomainError('BAD_USER_INPUT', `Staff user ${args.clinicianId} is not an active clinician of this practice.`);
    }
    const [series, occurrences] = await Promise.all([this.series.find(user.practiceId, anchor.seriesId), this.series.occurrences(user.practiceId, anchor.seriesId)]);
    if (!series) throw notFound('AppointmentSeries', anchor.seriesId);
    const affected = this.affected(occurrences, anchor, args.scope);
    const length = args.endsAt.getTime() - args.startsAt.getTime();
    const moves: Move[] = affected.map((occurrence) => {
      const startsAt = occurrence.id === anchor.id ? args.startsAt : shiftByWallClock(occurrence.startsAt, anchor.startsAt, args.startsAt, series.timeZone);
      return { id: occurrence.id, startsAt, endsAt: new Date(startsAt.getTime() + length), clinicianId: args.clinicianId ?? occurrence.clinicianId, roomId: args.roomId ?? occurrence.roomId };
    });

    // "This and following" splits the series (RFC 5545 style): the earlier part ends, a new one starts here.
    const before = occurrences.filter((o) => o.startsAt < anchor.startsAt).length;
    const split =
      args.scope === SeriesEditScope.THIS_AND_FOLLOWING && before > 0
        ? {
            fromSeriesId: series.id,
            oldRule: withCount(series.rrule, before),
            newSeries: { practiceId: user.practiceId, clientId: anchor.clientId, clinicianId: args.clinicianId ?? anchor.clinicianId, serviceId: anchor.serviceId, roomId: args.roomId ?? anchor.roomId, modality: anchor.modality, rrule: withCount(series.rrule, occurrences.length - before), timeZone: series.timeZone, firstStartsAt: args.startsAt, durationMinutes: Math.round(length / 60_000) },
            movedIds: occurrences.filter((o) => o.startsAt >= anchor.startsAt).map((o) => o.id),
          }
        : undefined;
    const moved = await this.series.move(user.practiceId, anchor.clientId, moves, split).catch(asConflict);
    if (!split) await this.series.updateSeries(user.practiceId, series.id, { durationMinutes: Math.round(length / 60_000), ...(args.clinicianId ? { clinicianId: args.clinicianId } : {}) });
    const previous = new Map(occurrences.map((o) => [o.id, o]));
    for (const appointment of moved) await this.sideEffects.rescheduled(appointment, requestId, previous.get(appointment.id));
    return moved;
  }

  async cancel(user: AuthClaims, args: { appointmentId: string; scope: SeriesEditScope; reason: CancelReason; note?: string }, requestId: string, now = new Date()): Promise<Appointment[]> {
    const anchor = await this.appointments.get(user, args.appointmentId);
    if (!anchor.seriesId || args.scope === SeriesEditScope.THIS) return [await this.appointments.cancel(user, anchor.id, args.reason, args.note, requestId, now)];
    const occurrences = await this.series.occurrences(user.practiceId, anchor.seriesId);
    const affected = this.affected(occurrences, anchor, args.scope).filter((o) => o.startsAt > now);
    const { lateCancelHours } = await this.policies.get(user.practiceId);
    const late = CLIENT_REASONS.includes(args.reason) ? affected.filter((o) => o.startsAt.getTime() - now.getTime() < lateCancelHours * 3600_000).map((o) => o.id) : [];
    const cancelled = await this.series.cancel(user.practiceId, affected.map((o) => o.id), late, { cancelReason: args.reason, cancelNote: args.note?.trim() || null, cancelledAt: now });
    for (const appointment of cancelled) await this.sideEffects.statusChanged(appointment, requestId);
    await this.meetings?.releaseSeriesMeeting(cancelled, await this.series.occurrences(user.practiceId, anchor.seriesId), now);
    return cancelled;
  }

  /** Future, still-scheduled sessions in scope (past and closed ones are history and stay as they were). */
  private affected<T extends Appointment>(occurrences: T[], anchor: Appointment, scope: SeriesEditScope): T[] {
    const now = Date.now();
    return occurrences.filter(
      (o) => o.status === AppointmentStatus.SCHEDULED && (o.id === anchor.id || o.startsAt.getTime() > now) && (scope === SeriesEditScope.ALL || o.startsAt >= anchor.startsAt),
    );
  }

  private rule(recurrence: Recurrence, timeZone: string): string {
    if (recurrence.rule) return recurrence.rule.replace(/^RRULE:/, '');
    if (!recurrence.frequency) throw new DomainError('BAD_USER_INPUT', 'Choose how often the series repeats, or give a rule.', { details: { reason: 'BAD_RECURRENCE' } });
    if (recurrence.count === undefined && !recurrence.until) throw new DomainError('BAD_USER_INPUT', 'Give a number of sessions or a last date.', { details: { reason: 'BAD_RECURRENCE' } });
    return ruleFor(recurrence.frequency, { count: recurrence.count, until: recurrence.until }, timeZone);
  }
}
