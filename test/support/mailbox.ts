// An account-emails worker writing to a fresh local mailbox folder, and ways to wait for its emails:
// how tests read invitations, reset links and client sign-in codes the way people receive them.
import { createLogger, type PrismaClient } from '@solace/server-kit';
import { ACCOUNT_EMAILS_QUEUE } from '@solace/workers';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountEmailRepository } from '../../workers/src/account-emails/account-email.repository';
import { startAccountEmailsWorker } from '../../workers/src/account-emails/account-emails.worker';
import { LocalMailboxProvider } from '../../workers/src/email/local-mailbox.provider';

export interface TestMailbox {
  dir: string;
  /** Emails to an address (only those containing `having`), oldest first, once at least `count` arrived. */
  emailsTo(address: string, count?: number, having?: string): Promise<string[]>;
  /** The newest email to an address containing `having`. */
  latestTo(address: string, having?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startMailboxWorker(options: { prisma: PrismaClient; webUrl: string }): Promise<TestMailbox> {
  const dir = await mkdtemp(join(tmpdir(), 'solace-mailbox-'));
  const log = createLogger('test');
  const worker = startAccountEmailsWorker({
    redisUrl: process.env.REDIS_URL!,
    accounts: new AccountEmailRepository(options.prisma),
    email: new LocalMailboxProvider(dir, log),
    webUrl: options.webUrl,
    log,
    queueName: ACCOUNT_EMAILS_QUEUE,
  });

  async function emailsTo(address: string, count = 1, having = ''): Promise<string[]> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const found: Array<{ text: string; written: number }> = [];
      for (const name of await readdir(dir)) {
        const text = await readFile(join(dir, name), 'utf8');
        if (text.includes(`To: ${address}`) && text.includes(having)) found.push({ text, written: (await stat(join(dir, name))).mtimeMs });
      }
      if (found.length >= count) return found.sort((a, b) => a.written - b.written).map((f) => f.text);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Fewer than ${count} emails to ${address}${having ? ` containing "${having}"` : ''}`);
  }

  return {
    dir,
    emailsTo,
    latestTo: async (address, having = '') => (await emailsTo(address, 1, having)).at(-1)!,
    close: () => worker.close(),
  };
}
