// The local SMS provider: each message becomes a text file in an outbox folder. It sends nothing
// and says so in the log, so a development machine never texts a real phone.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@solace/server-kit';
import type { SmsMessage, SmsProvider } from './sms-provider';

export class LocalSmsProvider implements SmsProvider {
  constructor(
    readonly outboxDir: string,
    private readonly log: Logger,
  ) {}

  async send(message: SmsMessage): Promise<{ id: string }> {
    await mkdir(this.outboxDir, { recursive: true });
    const id = `local-${randomUUID()}`;
    const path = join(this.outboxDir, `${id}.txt`);
    await writeFile(path, `To: ${message.to}\nDate: ${new Date().toISOString()}\n\n${message.body}\n`, { flag: 'wx' });
    this.log.info({ id, path }, 'local SMS provider: message written to the outbox folder (no SMS was sent)');
    return { id };
  }
}
