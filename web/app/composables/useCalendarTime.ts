import { Temporal } from 'temporal-polyfill';

/**
 * Times in the practice's time zone, whatever the browser's: the desk in one city and the
 * practice in another see the same diary. Temporal does the zone arithmetic, so a wall time on a
 * DST change day maps to the right instant.
 */
export function useCalendarTime(timeZone: () => string | null) {
  const zone = () => timeZone() ?? 'UTC';
  return {
    /** "Tue, Nov 24, 10:00 AM" in the practice's zone. */
    dateTime(iso: string) {
      return new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: zone() }).format(new Date(iso));
    },
    time(iso: string) {
      return new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: zone() }).format(new Date(iso));
    },
    /** The value for an `<input type="datetime-local">`: the practice's wall time, to the minute. */
    toLocalInput(iso: string) {
      return Temporal.Instant.from(new Date(iso).toISOString()).toZonedDateTimeISO(zone()).toPlainDateTime().toString({ smallestUnit: 'minute' });
    },
    /** An instant (ISO, UTC) from a wall time typed in the practice's zone; null when it is not a time. */
    fromLocalInput(value: string) {
      try {
        return new Date(Temporal.PlainDateTime.from(value).toZonedDateTime(zone(), { disambiguation: 'compatible' }).epochMilliseconds).toISOString();
      } catch {
        return null;
      }
    },
  };
}
