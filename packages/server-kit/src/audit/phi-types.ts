// GraphQL types that hold protected health information. Every resolver or entity reference that
// returns one of them is audited automatically (audit-middleware.ts): a new query, mutation or field
// returning these types cannot forget its audit event. Add a type here when it carries PHI.
// ClientAccount: a client's portal account (their email, linked to their record).
// WaitlistEntry and SeriesBooking name a client and carry their appointments.
export const PHI_TYPES = new Set(['Client', 'ClientInsurance', 'ClientGuardian', 'ClientConsent', 'ClientDocument', 'ClientAccount', 'Appointment', 'ClinicalNote', 'Thread', 'Message', 'Charge', 'WaitlistEntry', 'SeriesBooking']);
