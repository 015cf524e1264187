// Strings of the staff navigation: the top bar, the account menu, the Practice settings hub and the
// breadcrumb on each settings page. Spread into en.ts as `navigation`.
export const navigation = {
  menu: 'Menu',
  notes: 'Notes',
  searchNotes: 'Search notes',
  practiceSettings: 'Practice settings',
  account: {
    /** The button's accessible name: the user's name, and what it opens. */
    label: (name: string) => `${name}: account menu`,
    security: 'My account and security',
    myHours: 'My hours',
  },
  breadcrumb: 'Breadcrumb',
  hub: {
    title: 'Practice settings',
    intro: 'How the practice works: what it offers, its clinical rules, how clients are reminded, and who may see what.',
    none: 'There are no settings your role can change. An administrator of the practice can.',
    groups: {
      practice: 'Practice',
      scheduling: 'Scheduling',
      clinical: 'Clinical',
      communication: 'Client communication',
      people: 'People and privacy',
    },
    entries: {
      practice: { label: 'Practice details', description: 'Name, time zone, contact details, address, NPI and tax ID, as documents and claims show them.' },
      services: { label: 'Services', description: 'Appointment types with their length, CPT code, fee and online booking.' },
      rooms: { label: 'Rooms', description: 'The practice’s rooms for in-person sessions.' },
      scheduling: { label: 'Scheduling rules', description: 'Late cancellation, minimum notice, how far ahead clients can book, slot length.' },
      availability: { label: 'Clinician hours', description: 'Weekly working hours and time off that the calendar and online booking follow.' },
      templates: { label: 'Note templates', description: 'Built-in and practice templates for clinical notes, with their versions.' },
      compliance: { label: 'Compliance rules', description: 'When notes are due, when billing is held and when supervisors are told.' },
      reminders: { label: 'Reminders', description: 'When and how clients are reminded of their appointments.' },
      staff: { label: 'Staff', description: 'Invite staff, change their roles, supervision and two-step verification.' },
      audit: { label: 'Audit log', description: 'Every read and change of client records, with a tamper check.' },
      dataRequests: { label: 'Data requests', description: 'Export or erase a client’s data on request.' },
    },
  },
};
