// Closing a queue or worker must close its Redis connection, or long-lived processes and test
// forks keep sockets open after shutdown.
import { createLogger } from '@solace/server-kit';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAccountEmailsQueue } from './account-emails/account-emails.queue';
import type { EmailProvider } from './email/email-provider';
import type { ReminderDeliveryRepository } from './reminders/reminder-delivery.repository';
import type { ReminderSettingsSource } from './reminders/reminder-settings';
import type { SmsOptOuts } from './sms/sms-opt-outs';
import type { SmsProvider } from './sms/sms-provider';
import type { ReminderRepository } from './reminders/reminder.repository';
import { createRemindersQueue } from './reminders/reminders.queue';
import { startRemindersWorker } from './reminders/reminders.worker';

describe('BullMQ connections', () => {
  it('are closed with the queue that opened them', async () => {
    for (const queue of [createRemindersQueue(process.env.REDIS_URL!, `reminders-test-${randomUUID()}`), createAccountEmailsQueue(process.env.REDIS_URL!, `account-emails-test-${randomUUID()}`)]) {
      await queue.waitUntilReady();
      const client = await queue.client;
      await queue.obliterate({ force: true });
      await queue.close();
      expect(client.status).toBe('end');
    }
  });

  it('are closed with the worker that opened them', async () => {
    const worker = startRemindersWorker({
      redisUrl: process.env.REDIS_URL!,
      reminders: {} as ReminderRepository,
      settings: {} as ReminderSettingsSource,
      deliveries: {} as ReminderDeliveryRepository,
      email: {} as EmailProvider,
      sms: {} as SmsProvider,
      smsOptOuts: {} as SmsOptOuts,
      log: createLogger('test'),
      queueName: `reminders-test-${randomUUID()}`,
    });
    await worker.waitUntilReady();
    const client = await worker.client;
    await worker.close();
    expect(client.status).toBe('end');
  });
});
