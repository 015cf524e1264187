// The local email provider: each message becomes a readable .eml file in a mailbox folder, named
// by its idempotency key so a repeated send writes nothing new. It says in the log what it is.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@solace/server-kit';
import type { EmailMessage, EmailProvider } from './email-provider';

export class LocalMailboxProvider implements EmailProvider {
  constructor(
    readonly mailboxDir: string,
    private readonly log: Logger,
  ) {}

  async send(message: EmailMessage): Promise<{ id: string }> {
    await mkdir(this.mailboxDir, { recursive: true });
    const id = createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 24);
    const path = join(this.mailboxDir, `${id}.eml`);
    const content = [
      `To: ${headerValue(message.to)}`,
      `Subject: ${headerValue(message.subject)}`,
      `Date: ${new Date().toUTCString()}`,
      `X-Idempotency-Key: ${headerValue(message.idempotencyKey)}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      message.text,
      '',
    ].join('\r\n');
    try {
      await writeFile(path, content, { flag: 'wx' });
      this.log.info({ id, path }, 'local email provider: message written to the mailbox folder (no email was sent)');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      this.log.info({ id }, 'local email provider: already delivered, not written again');
    }
    return { id };
  }
}

/** A line break in a value (say, a name typed with one) must not start a header of its own. */
const headerValue = (value: string) => value.replace(/[\r\n]+/g, ' ');
