// What happens after an appointment change has committed: reminders move with it and live views
// hear about it. Behind an interface so the service stays free of queues and Redis.
export interface AppointmentSideEffects {
  booked(appointment: { id: string; practiceId: string; startsAt: Date }, requestId: string): Promise<void>;
  rescheduled(appointment: { id: string; practiceId: string; startsAt: Date }, requestId: string): Promise<void>;
  /** Cancelled, completed, no-show, checked in. */
  statusChanged(appointment: { id: string; practiceId: string; startsAt: Date; status: string }, requestId: string): Promise<void>;
}
