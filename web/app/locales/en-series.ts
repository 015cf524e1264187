// Strings for recurring series in the calendar (booking dialog and appointment details).
export const series = {
  repeat: 'Repeat',
  frequency: { NONE: 'Does not repeat', WEEKLY: 'Every week', EVERY_TWO_WEEKS: 'Every two weeks', MONTHLY: 'Every month (same date)' },
  count: 'Number of sessions',
  countHint: 'Up to 300. Times stay the same in the practice’s time zone, also across daylight-saving changes.',
  skipTaken: 'If some sessions clash, book the free ones and list the others',
  booked: (count: number) => `${count} sessions booked.`,
  skipped: (count: number) => `${count} ${count === 1 ? 'session was' : 'sessions were'} not booked because the time is taken:`,
  someTaken: (count: number) => `${count} of these sessions clash with existing appointments. Choose another time, or tick “book the free ones”.`,
  partOf: 'Part of a series',
  rule: {
    'FREQ=WEEKLY;INTERVAL=1': 'every week',
    'FREQ=WEEKLY;INTERVAL=2': 'every two weeks',
    'FREQ=MONTHLY': 'every month',
  } as Record<string, string>,
  custom: 'custom repeat',
  sessionsLeft: (count: number) => `${count} sessions in total`,
  cancelFollowing: 'Cancel this and the following sessions',
  cancelAll: 'Cancel every future session',
  cancelledMany: (count: number) => `${count} sessions cancelled.`,
  confirmCancel: 'Cancel these sessions? Reminders stop and the times are offered to the waitlist.',
};
