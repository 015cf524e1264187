// The worker process: runs every queue's processor until SIGINT/SIGTERM.
import { createLogger, createPrismaClient, loadConfig } from '@solace/server-kit';
import { AccountEmailRepository } from './account-emails/account-email.repository';
import { startAccountEmailsWorker } from './account-emails/account-emails.worker';
import { createEmailProvider } from './email/email-provider';
import { ReminderRepository } from './reminders/reminder.repository';
import { startRemindersWorker } from './reminders/reminders.worker';

const log = createLogger('worker');
const config = loadConfig();
const prisma = createPrismaClient(config.databaseUrl);
const email = createEmailProvider(process.env, log);
const reminders = startRemindersWorker({ redisUrl: config.redisUrl, reminders: new ReminderRepository(prisma), email, log });
const accountEmails = startAccountEmailsWorker({
  redisUrl: config.redisUrl,
  accounts: new AccountEmailRepository(prisma),
  email,
  webUrl: process.env.SOLACE_WEB_URL ?? 'http://localhost:3000',
  log,
});
log.info('workers ready: reminders, account-emails');

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
    await Promise.all([reminders.close(), accountEmails.close()]);
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
