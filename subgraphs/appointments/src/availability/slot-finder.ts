// Where a service of a given length fits in a clinician's diary. Pure: the caller loads hours,
// exceptions and busy times; this works out the open time in the practice's time zone (weekly
// hours are wall-clock times, so a 09:00 start stays 09:00 across daylight-saving changes) and cuts
// it into slots that start on the policy's step (09:00, 09:30, ... for a 30-minute step).
import { ZoneClock } from './zone-clock';

export interface Interval {
  start: number;
  end: number;
}

export interface DiaryInputs {
  timeZone: string;
  /** ISO weekday 1–7 with minutes after local midnight. */
  weeklyHours: { weekday: number; startMinute: number; endMinute: number }[];
  extraHours: Interval[];
  timeOff: Interval[];
  /** Appointments, holds and outside-calendar events: nothing may overlap them. */
  busy: Interval[];
}

export interface SlotQuery {
  from: number;
  to: number;
  durationMinutes: number;
  stepMinutes: number;
}

/** Open time in [from, to): weekly hours plus extra hours, minus time off and busy time. */
export function openTime(diary: DiaryInputs, from: number, to: number, clock = new ZoneClock(diary.timeZone)): Interval[] {
  const working: Interval[] = [...diary.extraHours];
  // One day either side: local days that straddle the UTC range still contribute their hours.
  for (const day of clock.days(from, to)) {
    for (const block of diary.weeklyHours) {
      if (block.weekday !== day.weekday) continue;
      working.push({ start: clock.wallClock(day, block.startMinute), end: clock.wallClock(day, block.endMinute) });
    }
  }
  return subtract(clip(merge(working), from, to), merge([...diary.timeOff, ...diary.busy]));
}

/**
 * Slot start times, ascending, for a service of `durationMinutes` within the open time. Pass one
 * `clock` for all clinicians of a search: they share its time-zone work.
 */
export function findSlots(diary: DiaryInputs, query: SlotQuery, clock = new ZoneClock(diary.timeZone)): Interval[] {
  const length = query.durationMinutes * 60_000;
  const step = query.stepMinutes * 60_000;
  const slots: Interval[] = [];
  for (const open of openTime(diary, query.from, query.to, clock)) {
    for (let start = firstStepAtOrAfter(open.start, step, clock); start + length <= open.end; start += step) {
      slots.push({ start, end: start + length });
    }
  }
  return slots;
}

/** Steps are counted from the local hour, so a half-hour zone still offers :00 and :30. */
function firstStepAtOrAfter(instant: number, step: number, clock: ZoneClock): number {
  const intoLocalHour = mod(instant + clock.offsetMinutes(instant) * 60_000, 3_600_000);
  return instant - intoLocalHour + Math.ceil(intoLocalHour / step) * step;
}

const mod = (value: number, by: number) => ((value % by) + by) % by;

export function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else out.push({ ...next });
  }
  return out;
}

function clip(intervals: Interval[], from: number, to: number): Interval[] {
  return intervals.map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) })).filter((i) => i.end > i.start);
}

/** `base` minus `cut`; both sorted and merged. */
function subtract(base: Interval[], cut: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const interval of base) {
    let start = interval.start;
    for (const c of cut) {
      if (c.end <= start || c.start >= interval.end) continue;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
    }
    if (start < interval.end) out.push({ start, end: interval.end });
  }
  return out;
}
