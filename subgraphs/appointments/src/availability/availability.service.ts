import { DomainError, notFound } from '@solace/server-kit';
import type { CatalogService } from '../catalog/catalog.service';
import type { Service } from '../catalog/catalog.type';
import type { ClinicianHoursRepository } from '../clinician-hours/clinician-hours.repository';
import type { SchedulingPolicyRepository } from '../scheduling-policy/scheduling-policy.repository';
import type { AvailabilityRepository, BookableClinician } from './availability.repository';
import type { BusyElsewhere } from './busy-elsewhere';
import { findSlots, type Interval } from './slot-finder';
import { ZoneClock } from './zone-clock';
import type { SlotHolds } from '@solace/server-kit';

const MAX_RANGE_DAYS = 35;

export interface Slot {
  clinicianId: string;
  startsAt: Date;
  endsAt: Date;
}

/** One clinician's free start times; every slot lasts `durationMinutes` (the service's length). */
export interface ClinicianSlots {
  clinician: BookableClinician;
  durationMinutes: number;
  /** Ascending. */
  starts: Date[];
}

export interface SlotSearch {
  serviceId: string;
  clinicianId?: string;
  from: Date;
  to: Date;
}

export interface SlotSearchOptions {
  /** Online booking: only services offered online, within the policy's notice and horizon. */
  online?: boolean;
  /** The caller's own hold does not block its own slot. */
  exceptHold?: string;
  now?: Date;
}

/**
 * Free slots for a service: each clinician's weekly hours and extra hours, minus time off,
 * appointments, live holds and busy time in connected outside calendars.
 */
export class AvailabilityService {
  constructor(
    private readonly availability: AvailabilityRepository,
    private readonly hours: ClinicianHoursRepository,
    private readonly catalog: CatalogService,
    private readonly policies: SchedulingPolicyRepository,
    private readonly holds: SlotHolds,
    private readonly elsewhere: BusyElsewhere,
  ) {}

  /** Free slots of every clinician asked for, one list, earliest first (ties by clinician id). */
  async slots(practiceId: string, search: SlotSearch, options: SlotSearchOptions = {}): Promise<{ service: Service; clinicians: BookableClinician[]; slots: Slot[] }> {
    const { service, clinicians, found } = await this.search(practiceId, search, options);
    const flat: { clinicianId: string; start: number; end: number }[] = [];
    for (const { clinician, slots } of found) for (const slot of slots) flat.push({ clinicianId: clinician.id, start: slot.start, end: slot.end });
    // Numbers, and code-unit order for ids: lower-case UUIDs sort as they did with localeCompare, without a collation per comparison.
    flat.sort((a, b) => a.start - b.start || (a.clinicianId < b.clinicianId ? -1 : a.clinicianId > b.clinicianId ? 1 : 0));
    return { service, clinicians, slots: flat.map((slot) => ({ clinicianId: slot.clinicianId, startsAt: new Date(slot.start), endsAt: new Date(slot.end) })) };
  }

  /**
   * The same slots as `slots`, one entry per clinician who has any: the clinician with the earliest
   * free time first (ties in the clinicians' name order), each clinician's starts ascending.
   */
  async slotsByClinician(practiceId: string, search: SlotSearch, options: SlotSearchOptions = {}): Promise<{ service: Service; groups: ClinicianSlots[] }> {
    const { service, found } = await this.search(practiceId, search, options);
    const groups = found
      .filter(({ slots }) => slots.length > 0)
      .map(({ clinician, slots }, order) => ({ order, group: { clinician, durationMinutes: service.durationMinutes, starts: slots.map((slot) => new Date(slot.start)) } }))
      .sort((a, b) => a.group.starts[0]!.getTime() - b.group.starts[0]!.getTime() || a.order - b.order)
      .map(({ group }) => group);
    return { service, groups };
  }

  /** The one computation behind both shapes: each clinician's slots, in the clinicians' name order. */
  private async search(practiceId: string, search: SlotSearch, options: SlotSearchOptions): Promise<{ service: Service; clinicians: BookableClinician[]; found: { clinician: BookableClinician; slots: Interval[] }[] }> {
    if (!(search.to > search.from)) throw new DomainError('BAD_USER_INPUT', '`to` must be after `from`.');
    if (search.to.getTime() - search.from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw new DomainError('BAD_USER_INPUT', `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);
    const service = await this.catalog.activeService(practiceId, search.serviceId);
    if (options.online && !service.bookableOnline) throw notFound('Service', search.serviceId);
    const [practice, policy, clinicians] = await Promise.all([this.availability.practice(practiceId), this.policies.get(practiceId), this.availability.clinicians(practiceId, search.clinicianId)]);
    if (!practice) throw notFound('Practice', practiceId);

    const now = (options.now ?? new Date()).getTime();
    let from = search.from.getTime();
    let to = search.to.getTime();
    if (options.online) {
      from = Math.max(from, now + policy.minimumNoticeHours * 3600_000);
      to = Math.min(to, now + policy.bookingHorizonDays * 86_400_000);
    } else {
      from = Math.max(from, now);
    }
    if (to <= from || clinicians.length === 0) return { service, clinicians, found: [] };

    const ids = clinicians.map((c) => c.id);
    const [weekly, exceptions, appointments, held, outside] = await Promise.all([
      this.hours.weeklyHours(practiceId, ids),
      this.hours.exceptions(practiceId, ids, new Date(from), new Date(to)),
      this.availability.busyAppointments(practiceId, ids, new Date(from), new Date(to)),
      this.holds.busy(practiceId, ids, options.exceptHold, now),
      this.elsewhere.busy(practiceId, ids, new Date(from), new Date(to)),
    ]);

    const clock = new ZoneClock(practice.timeZone);
    const found = clinicians.map((clinician) => {
      const mine = exceptions.filter((e) => e.clinicianId === clinician.id);
      const window = (kind: string): Interval[] => mine.filter((e) => e.kind === kind).map((e) => ({ start: e.startsAt.getTime(), end: e.endsAt.getTime() }));
      const slots = findSlots(
        {
          timeZone: practice.timeZone,
          weeklyHours: weekly.filter((h) => h.clinicianId === clinician.id),
          extraHours: window('EXTRA_HOURS'),
          timeOff: window('TIME_OFF'),
          busy: [...(appointments.get(clinician.id) ?? []), ...(held.get(clinician.id) ?? []), ...(outside.get(clinician.id) ?? [])],
        },
        { from, to, durationMinutes: service.durationMinutes, stepMinutes: policy.slotStepMinutes },
        clock,
      );
      return { clinician, slots };
    });
    return { service, clinicians, found };
  }

  /** Whether this exact slot is free for this clinician (re-checked when a hold is taken). */
  async isFree(practiceId: string, slot: { serviceId: string; clinicianId: string; startsAt: Date }, options: SlotSearchOptions): Promise<Slot | null> {
    const { slots } = await this.slots(
      practiceId,
      { serviceId: slot.serviceId, clinicianId: slot.clinicianId, from: slot.startsAt, to: new Date(slot.startsAt.getTime() + 13 * 3600_000) },
      options,
    );
    return slots.find((s) => s.startsAt.getTime() === slot.startsAt.getTime()) ?? null;
  }
}
