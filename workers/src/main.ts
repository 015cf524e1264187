// The worker process: runs every queue's processor until SIGINT/SIGTERM.
import { AuditRepository, createDbPool, createFieldCipher, createLogger, createPrismaClient, createRedis, loadConfig, SlotHolds } from '@solace/server-kit';
import { AccountEmailRepository } from './account-emails/account-email.repository';
import { startAccountEmailsWorker } from './account-emails/account-emails.worker';
import { ClientErasureRepository } from './client-erasure/client-erasure.repository';
import { startClientErasureWorker } from './client-erasure/client-erasure.worker';
import { CalendarSyncRepository } from './calendar-sync/calendar-sync.repository';
import { startCalendarSyncWorker } from './calendar-sync/calendar-sync.worker';
import { createCalendarProvider } from './calendar-sync/google-calendar.provider';
import { createComplianceQueue, scheduleComplianceSweeps } from './compliance/compliance.queue';
import { CompliancePracticesRepository, ComplianceRepository } from './compliance/compliance.repository';
import { startComplianceWorker } from './compliance/compliance.worker';
import { createEmailProvider } from './email/email-provider';
import { ReminderRepository } from './reminders/reminder.repository';
import { ReminderDeliveryRepository } from './reminders/reminder-delivery.repository';
import { ReminderPlanSettingsRepository } from './reminders/reminder-settings.repository';
import { createRemindersQueue } from './reminders/reminders.queue';
import { startRemindersWorker } from './reminders/reminders.worker';
import { startReminderReplansWorker } from './reminders/reminder-replans.worker';
import { SmsConsentRepository } from './sms/sms-consent.repository';
import { SmsOptOuts } from './sms/sms-opt-outs';
import { createSmsProvider } from './sms/sms-provider';
import { WaitlistRepository } from './waitlist/waitlist.repository';
import { createWaitlistQueue } from './waitlist/waitlist.queue';
import { startWaitlistWorker } from './waitlist/waitlist.worker';

const log = createLogger('worker');
const config = loadConfig();
const prisma = createPrismaClient(config.databaseUrl);
const email = createEmailProvider(process.env, log);
const sms = createSmsProvider(process.env, log);
// A 21610 refusal switches the number's text reminders off and is audited like any change to a client.
const auditPool = createDbPool(config.databaseUrl, { poolSize: 2 });
const smsOptOuts = new SmsOptOuts(new SmsConsentRepository(prisma), new AuditRepository(prisma, auditPool));
const reminders = startRemindersWorker({ redisUrl: config.redisUrl, reminders: new ReminderRepository(prisma), deliveries: new ReminderDeliveryRepository(prisma), settings: new ReminderPlanSettingsRepository(prisma), email, sms, smsOptOuts, log });
const accountEmails = startAccountEmailsWorker({
  redisUrl: config.redisUrl,
  accounts: new AccountEmailRepository(prisma),
  email,
  webUrl: process.env.SOLACE_WEB_URL ?? 'http://localhost:3000',
  log,
});
// Erasure ends portal sessions (Redis) and removes reminders of cancelled visits; re-planning after a
// settings change reschedules them from the practice's settings.
const redis = createRedis(config.redisUrl);
const remindersQueue = createRemindersQueue(config.redisUrl, undefined, new ReminderPlanSettingsRepository(prisma));
const clientErasure = startClientErasureWorker({ redisUrl: config.redisUrl, erasure: new ClientErasureRepository(prisma), redis, reminders: remindersQueue, log });
const reminderReplans = startReminderReplansWorker({ redisUrl: config.redisUrl, reminders: new ReminderRepository(prisma), queue: remindersQueue, log });
const webUrl = process.env.SOLACE_WEB_URL ?? 'http://localhost:3000';
// The waitlist worker enqueues its own follow-ups (lapses, moving an offer on).
const waitlistQueue = createWaitlistQueue(config.redisUrl);
const waitlist = startWaitlistWorker({ redisUrl: config.redisUrl, waitlist: new WaitlistRepository(prisma), holds: new SlotHolds(redis), queue: waitlistQueue, email, webUrl, log });
// Compliance: an hourly sweep runs the engine for every practice (late notes, reminders, escalation).
const complianceQueue = createComplianceQueue(config.redisUrl);
const compliance = startComplianceWorker({ redisUrl: config.redisUrl, queue: complianceQueue, compliance: new ComplianceRepository(prisma), practices: new CompliancePracticesRepository(prisma), email, webUrl, log });
void scheduleComplianceSweeps(complianceQueue).catch((error: unknown) => log.error({ err: error }, 'could not schedule the compliance sweep'));
// Outside calendars only when Google credentials are configured.
const calendarProvider = createCalendarProvider(process.env);
const calendarSync = calendarProvider
  ? startCalendarSyncWorker({ redisUrl: config.redisUrl, sync: new CalendarSyncRepository(prisma), provider: calendarProvider, cipher: createFieldCipher(), log })
  : undefined;
log.info(`workers ready: reminders, account-emails, client-erasure, waitlist, compliance${calendarSync ? ', calendar-sync' : ' (calendar sync off: no Google credentials)'}`);

// close() lets running jobs finish (and closes each worker's Redis connections); a job that cannot
// finish in time is retried by another copy once its lock expires, so a hard exit is safe then.
const SHUTDOWN_GRACE_MS = 30_000;
let stopping = false;
const shutdown = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'workers stopping');
  setTimeout(() => {
    log.error('workers did not stop in time; exiting');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  try {
    await Promise.all([reminders.close(), accountEmails.close(), clientErasure.close(), waitlist.close(), calendarSync?.close(), reminderReplans.close(), remindersQueue.close(), waitlistQueue.close(), compliance.close(), complianceQueue.close()]);
    redis.disconnect();
    await auditPool.end();
    await prisma.$disconnect();
    log.info('workers stopped');
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'workers did not stop cleanly');
    process.exit(1);
  }
};
process.on('SIGINT', (signal) => void shutdown(signal));
process.on('SIGTERM', (signal) => void shutdown(signal));
