// Time-zone arithmetic for the slot finder, remembered. luxon asks Intl for a zone's offset on every
// conversion; availability for 50 clinicians over four weeks made about 100,000 such calls (half a
// second of CPU). The clinicians share the practice's zone, days and hours, so one clock made per
// search answers each distinct question once.
import { DateTime } from 'luxon';

export interface LocalDay {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** The local date, YYYY-MM-DD. */
  date: string;
}

const QUARTER_HOUR = 15 * 60_000;

export class ZoneClock {
  private readonly offsets = new Map<number, number>();
  private readonly wallClocks = new Map<string, number>();
  private readonly dayLists = new Map<string, LocalDay[]>();

  constructor(readonly timeZone: string) {}

  /** The local days that touch [from, to), with one more on either side. */
  days(from: number, to: number): LocalDay[] {
    const key = `${from}:${to}`;
    let days = this.dayLists.get(key);
    if (!days) {
      days = [];
      let day = DateTime.fromMillis(from, { zone: this.timeZone }).startOf('day').minus({ days: 1 });
      const last = DateTime.fromMillis(to, { zone: this.timeZone }).startOf('day').plus({ days: 1 });
      while (day <= last) {
        days.push({ weekday: day.weekday, date: day.toISODate()! });
        day = day.plus({ days: 1 });
      }
      this.dayLists.set(key, days);
    }
    return days;
  }

  /**
   * The instant of a wall-clock time: `minutes` after local midnight of `day` (1440 is the next
   * midnight). On a daylight-saving day 09:00 is still 09:00; a time skipped by the change moves on.
   */
  wallClock(day: LocalDay, minutes: number): number {
    const key = `${day.date}:${minutes}`;
    let instant = this.wallClocks.get(key);
    if (instant === undefined) {
      const midnight = DateTime.fromISO(day.date, { zone: this.timeZone });
      instant = midnight.plus({ days: Math.floor(minutes / 1440) }).set({ hour: Math.floor((minutes % 1440) / 60), minute: minutes % 60 }).toMillis();
      this.wallClocks.set(key, instant);
    }
    return instant;
  }

  /**
   * The zone's offset from UTC in minutes at `instant`. Offsets are multiples of 15 minutes and
   * change at local wall times on the quarter hour, so they are constant within a UTC quarter hour.
   */
  offsetMinutes(instant: number): number {
    const bucket = Math.floor(instant / QUARTER_HOUR);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = DateTime.fromMillis(bucket * QUARTER_HOUR, { zone: this.timeZone }).offset;
      this.offsets.set(bucket, offset);
    }
    return offset;
  }
}
