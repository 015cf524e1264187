// Who may run which operation: the one role matrix that resolvers (@Authorized(...allowedRoles(op)))
// and the router's subscription routes use, and that the generated authorization matrix test
// (test/e2e/authorization-matrix.int.test.ts) checks against every operation in the supergraph.
// An operation missing here fails that test, so nothing can be added unguarded.
//
// Roles: ADMIN runs the practice; CLINICIAN sees clients and writes their own notes; SUPERVISOR
// reviews associates' work; BILLING handles charges; FRONT_DESK books and messages. CLIENT (a
// portal account) reads and writes only its own message threads (the portal subgraph scopes every
// CLIENT call to the token's clientId) and never runs a staff operation.
import type { RoleName } from './claims';

export type OperationRule = 'PUBLIC' | readonly RoleName[];

const STAFF = ['ADMIN', 'CLINICIAN', 'SUPERVISOR', 'BILLING', 'FRONT_DESK'] as const;
const CLINICAL = ['ADMIN', 'CLINICIAN', 'SUPERVISOR'] as const;
const DIARY_WRITERS = ['ADMIN', 'CLINICIAN', 'FRONT_DESK'] as const;
/** Who keeps a client's insurance: the desk and clinicians, and billing who claims against it. */
const CLIENT_COVERAGE_WRITERS = [...DIARY_WRITERS, 'BILLING'] as const;
const MESSAGING = ['ADMIN', 'CLINICIAN', 'SUPERVISOR', 'FRONT_DESK'] as const;
/** Staff messaging plus the client, who is scoped to their own threads by the portal subgraph. */
const CONVERSATION = [...MESSAGING, 'CLIENT'] as const;
/** Who may give a client portal access or take it away. */
const PORTAL_ADMINS = ['ADMIN', 'CLINICIAN', 'FRONT_DESK'] as const;
/**
 * No token of any role: only the router's own internal callers (auth/system-caller.ts), e.g. the
 * Twilio webhooks once their signature is verified. Guard these with SystemCallerOnly, never @Authorized.
 */
const SYSTEM_ONLY = [] as const;

export const ROLE_MATRIX = {
  // identity
  login: 'PUBLIC',
  refreshSession: 'PUBLIC',
  logout: [...STAFF, 'CLIENT'],
  revokeAllSessions: STAFF,
  completeMfaSignIn: 'PUBLIC',
  startMfaEnrollmentAtSignIn: 'PUBLIC',
  completeMfaEnrollmentAtSignIn: 'PUBLIC',
  startPasskeySignIn: 'PUBLIC',
  signInWithPasskey: 'PUBLIC',
  myPasskeys: STAFF,
  startPasskeyRegistration: STAFF,
  registerPasskey: STAFF,
  renamePasskey: STAFF,
  deletePasskey: STAFF,
  mySessions: STAFF,
  revokeSession: STAFF,
  changePassword: STAFF,
  requestEmailChange: STAFF,
  confirmEmailChange: 'PUBLIC',
  startMfaEnrollment: STAFF,
  confirmMfaEnrollment: STAFF,
  requestPasswordReset: 'PUBLIC',
  setPassword: 'PUBLIC',
  inviteStaff: ['ADMIN'],
  changeStaffRoles: ['ADMIN'],
  deactivateStaff: ['ADMIN'],
  /** Clinicians their own; admins anyone's in the practice (the service checks which). */
  updateStaffProfessionalDetails: CLINICAL,
  me: STAFF,
  currentPractice: STAFF,
  setStaffMfaRequired: ['ADMIN'],
  updatePracticeSettings: ['ADMIN'],
  staffUsers: STAFF,
  auditEvents: ['ADMIN'],
  supervisionLinks: STAFF,
  linkSupervisee: ['ADMIN'],
  endSupervision: ['ADMIN'],
  auditChainReport: ['ADMIN'],
  // identity: client portal accounts and passwordless client sign-in
  requestClientSignIn: 'PUBLIC',
  completeClientSignIn: 'PUBLIC',
  completeClientSignInWithLink: 'PUBLIC',
  inviteClientToPortal: PORTAL_ADMINS,
  disableClientPortalAccess: PORTAL_ADMINS,
  portalMe: ['CLIENT'],
  // patients
  client: STAFF,
  clients: STAFF,
  searchClients: STAFF,
  clientAppointments: STAFF,
  createClient: DIARY_WRITERS,
  updateClient: DIARY_WRITERS,
  addClientInsurance: CLIENT_COVERAGE_WRITERS,
  updateClientInsurance: CLIENT_COVERAGE_WRITERS,
  removeClientInsurance: CLIENT_COVERAGE_WRITERS,
  requestClientDocumentUpload: CLIENT_COVERAGE_WRITERS,
  confirmClientDocument: CLIENT_COVERAGE_WRITERS,
  removeClientDocument: CLIENT_COVERAGE_WRITERS,
  addClientGuardian: DIARY_WRITERS,
  updateClientGuardian: DIARY_WRITERS,
  removeClientGuardian: DIARY_WRITERS,
  addClientConsent: DIARY_WRITERS,
  revokeClientConsent: DIARY_WRITERS,
  exportClientData: ['ADMIN'],
  eraseClient: ['ADMIN'],
  createCalendarFeed: CLINICAL,
  revokeCalendarFeeds: CLINICAL,
  calendarFeed: 'PUBLIC',
  // appointments
  appointment: STAFF,
  appointments: STAFF,
  appointmentInWindow: STAFF,
  appointmentChanged: STAFF,
  bookAppointment: DIARY_WRITERS,
  rescheduleAppointment: DIARY_WRITERS,
  cancelAppointment: DIARY_WRITERS,
  setAppointmentStatus: DIARY_WRITERS,
  createMeetingLink: DIARY_WRITERS,
  // appointments: practice setup (services, rooms, hours) and scheduling rules
  services: STAFF,
  createService: ['ADMIN'],
  updateService: ['ADMIN'],
  rooms: STAFF,
  createRoom: ['ADMIN'],
  updateRoom: ['ADMIN'],
  schedulingPolicy: STAFF,
  updateSchedulingPolicy: ['ADMIN'],
  // appointments: reminders (the desk sees what clients are sent; admins change it)
  reminderSettings: ['ADMIN', 'FRONT_DESK'],
  updateReminderSettings: ['ADMIN'],
  // Twilio's status callbacks and the clients' STOP/START replies, handed over by the router's webhooks
  recordSmsDeliveryStatus: SYSTEM_ONLY,
  recordInboundSms: SYSTEM_ONLY,
  workingHours: STAFF,
  availabilityExceptions: STAFF,
  // A clinician changes only their own hours (checked by the service); the desk and admins anyone's.
  setWorkingHours: DIARY_WRITERS,
  addAvailabilityException: DIARY_WRITERS,
  removeAvailabilityException: DIARY_WRITERS,
  availableSlots: STAFF,
  availabilityByClinician: STAFF,
  bookSeries: DIARY_WRITERS,
  editSeries: DIARY_WRITERS,
  cancelSeries: DIARY_WRITERS,
  waitlistEntries: STAFF,
  addToWaitlist: DIARY_WRITERS,
  removeFromWaitlist: DIARY_WRITERS,
  // the client's emailed waitlist offer link (its secret is the credential)
  waitlistOffer: 'PUBLIC',
  acceptWaitlistOffer: 'PUBLIC',
  declineWaitlistOffer: 'PUBLIC',
  googleCalendarConnection: CLINICAL,
  startGoogleCalendarConnection: CLINICAL,
  completeGoogleCalendarConnection: CLINICAL,
  disconnectGoogleCalendar: CLINICAL,
  // appointments: the public booking page (the hold id ties the steps together)
  onlineBookingPage: 'PUBLIC',
  onlineSlots: 'PUBLIC',
  onlineAvailabilityByClinician: 'PUBLIC',
  holdOnlineSlot: 'PUBLIC',
  confirmOnlineBooking: 'PUBLIC',
  submitOnlineBookingDetails: 'PUBLIC',
  // notes: clinical content; writing is the treating clinician's alone
  clinicalNote: CLINICAL,
  createDraftNote: ['CLINICIAN'],
  updateDraftNote: ['CLINICIAN'],
  // notes: writing from a template (the appointment's clinician), templates (clinical staff build them), ICD-10 search
  startNote: ['CLINICIAN'],
  saveNoteDraft: ['CLINICIAN'],
  noteTemplates: CLINICAL,
  noteTemplate: CLINICAL,
  createNoteTemplate: CLINICAL,
  updateNoteTemplate: CLINICAL,
  archiveNoteTemplate: CLINICAL,
  diagnosisCodes: [...CLINICAL, 'BILLING'],
  // notes: signing (the author), review (the author's supervisor), addenda (author or co-signer)
  signNote: ['CLINICIAN'],
  signNotes: ['CLINICIAN'],
  submitNoteForReview: ['CLINICIAN'],
  cosignNote: ['SUPERVISOR'],
  cosignNoteAddendum: ['SUPERVISOR'],
  addendaToCosign: ['SUPERVISOR'],
  returnNoteForRevision: ['SUPERVISOR'],
  addNoteAddendum: ['CLINICIAN', 'SUPERVISOR'],
  unsignedNotes: ['CLINICIAN'],
  noteReviewQueue: ['SUPERVISOR'],
  // notes: treatment plans, safety plans, risk flag, measures — clinical content; front desk and billing never see it
  treatmentPlans: CLINICAL,
  treatmentPlan: CLINICAL,
  createTreatmentPlan: ['CLINICIAN', 'SUPERVISOR'],
  updateTreatmentPlan: ['CLINICIAN', 'SUPERVISOR'],
  discardTreatmentPlanDraft: ['CLINICIAN', 'SUPERVISOR'],
  signTreatmentPlan: ['CLINICIAN', 'SUPERVISOR'],
  reviewTreatmentPlan: ['CLINICIAN', 'SUPERVISOR'],
  completeTreatmentPlan: ['CLINICIAN', 'SUPERVISOR'],
  safetyPlans: CLINICAL,
  saveSafetyPlan: ['CLINICIAN', 'SUPERVISOR'],
  clientRiskStatus: CLINICAL,
  flagClientAtRisk: CLINICAL,
  clearClientRiskFlag: CLINICAL,
  // the instruments' public-domain wording; the portal's client fills them in too
  measureInstruments: [...CLINICAL, 'CLIENT'],
  recordMeasure: CLINICAL,
  measureTrend: CLINICAL,
  // notes: compliance rules (admins change them) and alerts (scoped by role in the service)
  complianceRules: [...CLINICAL, 'BILLING'],
  complianceRuleDefaults: [...CLINICAL, 'BILLING'],
  updateComplianceRules: ['ADMIN'],
  complianceAlerts: CLINICAL,
  openComplianceAlertCount: CLINICAL,
  acknowledgeComplianceAlert: CLINICAL,
  // notes: PDFs of signed notes and sharing them with the client (the portal reads its own), AI suggestions (the author; the service checks), search
  noteDocument: CLINICAL,
  shareNoteWithClient: CLINICAL,
  revokeSharedDocument: CLINICAL,
  sharedDocuments: CLINICAL,
  mySharedDocuments: ['CLIENT'],
  mySharedDocumentFile: ['CLIENT'],
  suggestNoteDraft: ['CLINICIAN'],
  suggestDiagnoses: ['CLINICIAN'],
  acceptNoteSuggestion: ['CLINICIAN'],
  rejectNoteSuggestion: ['CLINICIAN'],
  noteSuggestions: CLINICAL,
  searchNotes: CLINICAL,
  // billing
  charges: ['ADMIN', 'BILLING', 'FRONT_DESK', 'CLINICIAN'],
  createCharge: ['ADMIN', 'BILLING', 'CLINICIAN'],
  // portal
  threads: CONVERSATION,
  thread: CONVERSATION,
  message: CONVERSATION,
  startThread: MESSAGING,
  sendMessage: CONVERSATION,
  messageAdded: CONVERSATION,
  // analytics
  practiceMetrics: CLINICAL,
  practiceMetricsUpdated: CLINICAL,
} as const satisfies Record<string, OperationRule>;

export type OperationName = keyof typeof ROLE_MATRIX;

/** The roles allowed to run an operation (for @Authorized and reference resolvers). */
export function allowedRoles(operation: OperationName): RoleName[] {
  const rule: OperationRule = ROLE_MATRIX[operation];
  if (rule === 'PUBLIC') throw new Error(`${operation} is public; do not guard it with roles.`);
  if (rule.length === 0) throw new Error(`${operation} is for the router's system callers only; guard it with SystemCallerOnly.`);
  return [...rule];
}
