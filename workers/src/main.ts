// The worker process: runs every queue's processor until SIGINT/SIGTERM.
import { createLogger, createPrismaClient, loadConfig } from '@solace/server-kit';
import { createEmailProvider } from './email/email-provider';
import { ReminderRepository } from './reminders/reminder.repository';
import { startRemindersWorker } from './reminders/reminders.worker';

const log = createLogger('worker');
const config = loadConfig();
const prisma = createPrismaClient(config.databaseUrl);
const reminders = startRemindersWorker({ redisUrl: config.redisUrl, reminders: new ReminderRepository(prisma), email: createEmailProvider(process.env, log), log });
log.info('reminders worker ready');

const shutdown = async () => {
  await reminders.close();
  await prisma.$disconnect();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
