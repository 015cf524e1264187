// What happens after an appointment change has committed: reminders move with it, live views
// hear about it, and time that opens up is offered to the waitlist. Behind an interface so the
// service stays free of queues and Redis.
export interface ChangedAppointment {
  id: string;
  practiceId: string;
  clinicianId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface AppointmentSideEffects {
  booked(appointment: ChangedAppointment, requestId: string): Promise<void>;
  /** `previous` is where the session was: that time is free now. */
  rescheduled(appointment: ChangedAppointment, requestId: string, previous?: { startsAt: Date; endsAt: Date; clinicianId: string }): Promise<void>;
  /** Cancelled, completed, no-show, checked in. */
  statusChanged(appointment: ChangedAppointment & { status: string }, requestId: string): Promise<void>;
}
