// What other packages use (the appointments subgraph schedules reminders after its commits).
// No side effects here: the worker process starts in main.ts.
export {
  createRemindersQueue,
  removeAppointmentReminders,
  reminderJobId,
  rescheduleAppointmentReminders,
  scheduleAppointmentReminders,
  REMINDERS_QUEUE,
  type ReminderJobData,
  type RemindersQueue,
} from './reminders/reminders.queue';
export {
  CLOCK_TIME,
  DEFAULT_REMINDER_SETTINGS,
  REMINDER_CHANNELS,
  REMINDER_LIMITS,
  type ReminderChannel,
  type ReminderPlanSettings,
  type ReminderSettingsSource,
  type ReminderSettingsValues,
} from './reminders/reminder-settings';
export { ReminderPlanSettingsRepository } from './reminders/reminder-settings.repository';
export {
  createReminderReplansQueue,
  enqueueReminderReplan,
  REMINDER_REPLANS_QUEUE,
  type ReminderReplanJobData,
  type ReminderReplansQueue,
} from './reminders/reminder-replans.queue';
export type { EmailMessage, EmailProvider } from './email/email-provider';
export {
  ACCOUNT_EMAILS_QUEUE,
  createAccountEmailsQueue,
  enqueueAccountEmail,
  type AccountEmailJobData,
  type AccountEmailsQueue,
  type ClientAccountEmailPurpose,
} from './account-emails/account-emails.queue';
export { clientCodeHash, CLIENT_TOKEN_LIFETIME_MINUTES } from './account-emails/client-account-emails.processor';
export { CLIENT_ERASURE_QUEUE, createClientErasureQueue, enqueueClientErasure, type ClientErasureJobData, type ClientErasureQueue } from './client-erasure/client-erasure.queue';
export {
  createWaitlistQueue,
  enqueueSlotFreed,
  lapseOfferNow,
  WAITLIST_OFFER_MINUTES,
  WAITLIST_QUEUE,
  type WaitlistJobData,
  type WaitlistQueue,
} from './waitlist/waitlist.queue';
export { CalendarProviderError, type CalendarProvider, type CalendarTokens, type OutsideEvent } from './calendar-sync/calendar-provider';
export { createCalendarProvider, GoogleCalendarProvider } from './calendar-sync/google-calendar.provider';
export { CALENDAR_SYNC_QUEUE, createCalendarSyncQueue, enqueuePush, schedulePulls, stopPulls, type CalendarSyncJobData, type CalendarSyncQueue } from './calendar-sync/calendar-sync.queue';
export {
  billingHold,
  calendarDaysSince,
  complianceRuleProblems,
  COMPLIANCE_MAX_DAY,
  DOCUMENTED_NOTE_STATUSES,
  GEORGIA_COMPLIANCE_RULES,
  type BillingHold,
  type ComplianceRuleProblem,
  type ComplianceRulesValues,
} from './compliance/compliance-rules';
export { findOrCreateComplianceRules } from './compliance/compliance.repository';
export { COMPLIANCE_QUEUE, createComplianceQueue, enqueuePracticeRun, scheduleComplianceSweeps, type ComplianceJobData, type ComplianceQueue } from './compliance/compliance.queue';
// SMS opt-outs (the patients subgraph applies the STOP/START texts the router's Twilio webhook hands it).
export { E164_PATTERN, MESSAGE_SID_PATTERN, readSmsKeyword, type SmsKeywordAction } from './sms/sms-keywords';
export { SmsConsentRepository, type SmsConsentChange, type SmsConsentSource } from './sms/sms-consent.repository';
export { SmsOptOuts, type SmsConsentCaller } from './sms/sms-opt-outs';
