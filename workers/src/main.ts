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

const shutdown = async () => {
  await Promise.all([reminders.close(), accountEmails.close()]);
  await prisma.$disconnect();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
