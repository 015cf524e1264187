// How Solace sends email. Jobs call an EmailProvider; which one is chosen here from the
// environment. Only the local provider exists so far; a real SMTP or API provider plugs in here
// (see README.md beside this file).
import { resolve } from 'node:path';
import type { Logger } from '@solace/server-kit';
import { LocalMailboxProvider } from './local-mailbox.provider';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Sending the same key twice delivers one message. */
  idempotencyKey: string;
}

export interface EmailProvider {
  send(message: EmailMessage): Promise<{ id: string }>;
}

export function createEmailProvider(env: NodeJS.ProcessEnv, log: Logger): EmailProvider {
  const kind = env.EMAIL_PROVIDER ?? 'local';
  if (kind === 'local') return new LocalMailboxProvider(env.MAILBOX_DIR ?? resolve(__dirname, '../../../.mailbox'), log);
  throw new Error(`Unknown EMAIL_PROVIDER "${kind}". Available: local.`);
}
