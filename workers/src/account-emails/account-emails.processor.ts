// Sends an invitation, a password-reset link or a link confirming a new email address. The link carries a random single-use token; only
// its hash is stored (identity's setPassword checks it).
import { createHash, randomBytes } from 'node:crypto';
import type { Job } from 'bullmq';
import type { EmailProvider } from '../email/email-provider';
import type { AccountEmailRepository } from './account-email.repository';
import type { AccountEmailJobData } from './account-emails.queue';
import { processClientAccountEmail } from './client-account-emails.processor';

export const TOKEN_LIFETIME_MINUTES = { INVITE: 72 * 60, RESET: 30, EMAIL_CHANGE: 24 * 60 } as const;

export async function processAccountEmail(
  job: Pick<Job<AccountEmailJobData>, 'id' | 'data'>,
  deps: { accounts: AccountEmailRepository; email: EmailProvider; webUrl: string },
): Promise<{ sent: string } | { skipped: 'user-gone' }> {
  const { userId, practiceId, purpose } = job.data;
  if (purpose === 'CLIENT_INVITE' || purpose === 'CLIENT_SIGN_IN') return processClientAccountEmail(job, purpose, deps);
  const recipient = await deps.accounts.findRecipient(practiceId, userId);
  const practice = await deps.accounts.practiceName(practiceId);
  if (!recipient || !practice) return { skipped: 'user-gone' };
  if (purpose === 'EMAIL_CHANGE' && !job.data.email) return { skipped: 'user-gone' };

  const token = randomBytes(32).toString('base64url');
  const minutes = TOKEN_LIFETIME_MINUTES[purpose];
  await deps.accounts.issueToken({
    practiceId,
    userId,
    purpose,
    tokenHash: createHash('sha256').update(token).digest('hex'),
    expiresAt: new Date(Date.now() + minutes * 60_000),
    email: job.data.email ?? null,
  });
  const base = deps.webUrl.replace(/\/$/, '');
  if (purpose === 'EMAIL_CHANGE') {
    const text = [
      `Hi ${recipient.displayName},`,
      '',
      `You asked to sign in to ${practice.name} on Solace with this address.`,
      'Confirm it here (the link works once, for 24 hours):',
      `${base}/confirm-email?token=${token}`,
      '',
      `Until then you keep signing in as ${recipient.email}. If you did not ask for this, ignore this email.`,
    ];
    const { id } = await deps.email.send({ to: job.data.email!, subject: 'Confirm your new Solace email address', text: text.join('\n'), idempotencyKey: String(job.id) });
    return { sent: id };
  }
  const link = `${base}/set-password?token=${token}`;
  const text =
    purpose === 'INVITE'
      ? [`Hi ${recipient.displayName},`, '', `You have been invited to ${practice.name} on Solace.`, `Choose your password here (the link works once, for 3 days):`, link]
      : [`Hi ${recipient.displayName},`, '', 'Someone asked to reset your Solace password.', 'If it was you, choose a new one here (the link works once, for 30 minutes):', link, '', 'If it was not you, ignore this email; your password stays as it is.'];
  const { id } = await deps.email.send({
    to: recipient.email,
    subject: purpose === 'INVITE' ? `You're invited to ${practice.name} on Solace` : 'Reset your Solace password',
    text: text.join('\n'),
    idempotencyKey: String(job.id),
  });
  return { sent: id };
}
