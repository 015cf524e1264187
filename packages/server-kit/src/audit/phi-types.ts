// GraphQL types that hold protected health information. Every resolver or entity reference that
// returns one of them is audited automatically (audit-middleware.ts): a new query, mutation or field
// returning these types cannot forget its audit event. Add a type here when it carries PHI.
// ClientAccount: a client's portal account (their email, linked to their record).
// WaitlistEntry and SeriesBooking name a client and carry their appointments.
// ComplianceAlert ties a client to a session date and a late note or plan (that they are in care).
// NoteVersion (signed clinical content), NoteReviewEvent (supervisor comments), UnsignedNoteItem and
// NoteReviewItem (a client's session awaiting documentation or review).
// TreatmentPlan, SafetyPlan, RiskFlag, ClientRiskStatus, MeasureResult, MeasureTrend: a client's plans, risk and scores.
export const PHI_TYPES = new Set(['Client', 'ClientInsurance', 'ClientGuardian', 'ClientConsent', 'ClientDocument', 'ClientAccount', 'Appointment', 'ClinicalNote', 'Thread', 'Message', 'Charge', 'WaitlistEntry', 'SeriesBooking', 'ComplianceAlert', 'NoteVersion', 'NoteReviewEvent', 'UnsignedNoteItem', 'NoteReviewItem', 'TreatmentPlan', 'SafetyPlan', 'RiskFlag', 'ClientRiskStatus', 'MeasureResult', 'MeasureTrend']);
