// Outside calendars behind one small interface (ARCHITECTURE rule 9). Google is the one provider
// today (google-calendar.provider.ts); tests fake Google's HTTP API with msw.

export interface OutsideEvent {
  /** Present when the event mirrors a Solace appointment (we wrote it). */
  solaceAppointmentId?: string;
  startsAt: Date;
  endsAt: Date;
  /** Marked "free" in the outside calendar: does not block time. */
  free: boolean;
}

export interface CalendarTokens {
  accessToken: string;
  expiresInSeconds: number;
  refreshToken?: string;
}

export interface CalendarProvider {
  readonly name: 'GOOGLE';
  authorizationUrl(state: string, redirectUri: string): string;
  exchangeCode(code: string, redirectUri: string): Promise<CalendarTokens>;
  refresh(refreshToken: string): Promise<CalendarTokens>;
  /** Timed and all-day events between `from` and `to` (all-day ones in `timeZone`). */
  listEvents(accessToken: string, calendarId: string, from: Date, to: Date, timeZone: string): Promise<OutsideEvent[]>;
  /** Creates or updates the mirror of an appointment; returns the outside event id. */
  upsertEvent(accessToken: string, calendarId: string, event: { externalEventId?: string; appointmentId: string; summary: string; startsAt: Date; endsAt: Date }): Promise<string>;
  deleteEvent(accessToken: string, calendarId: string, externalEventId: string): Promise<void>;
}

/** A provider error with the provider's own code; `reconnect` when the user must connect again. */
export class CalendarProviderError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly reconnect = false,
  ) {
    super(message);
  }
}
