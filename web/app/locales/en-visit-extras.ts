// Strings for an appointment's telehealth link and reminder log (calendar details).
export const visitExtras = {
  video: {
    title: 'Video meeting',
    join: 'Client’s link',
    host: 'Start as host',
    pending: 'Link pending: the video service did not answer when this was booked.',
    retry: 'Get the link now',
    copied: 'Link copied.',
    copy: 'Copy the client’s link',
  },
  reminders: {
    title: 'Reminders',
    none: 'No reminder attempts yet.',
    loading: 'Loading reminders…',
    channel: { EMAIL: 'Email', SMS: 'Text message' } as Record<string, string>,
    status: { SENT: 'sent', FAILED: 'failed', SKIPPED: 'skipped' } as Record<string, string>,
    before: (minutes: number) => (minutes % 1440 === 0 ? `${minutes / 1440} d before` : minutes % 60 === 0 ? `${minutes / 60} h before` : `${minutes} min before`),
  },
};
