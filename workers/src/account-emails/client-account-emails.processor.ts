// Portal emails for clients: the invitation (a magic link valid 3 days) and the sign-in email (a
// six-digit code and a magic link, both valid 15 minutes). Both name the practice. Secrets are made
// here, when the job runs, and only their hashes are stored (identity's client sign-in checks them).
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import type { EmailProvider } from '../email/email-provider';
import type { AccountEmailRepository } from './account-email.repository';
import type { AccountEmailJobData, ClientAccountEmailPurpose } from './account-emails.queue';

export const CLIENT_TOKEN_LIFETIME_MINUTES: Record<ClientAccountEmailPurpose, number> = { CLIENT_INVITE: 72 * 60, CLIENT_SIGN_IN: 15 };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** The code is salted with its token's id, so equal codes of different tokens hash differently. */
export const clientCodeHash = (tokenId: string, code: string) => sha256(`${tokenId}:${code}`);

export async function processClientAccountEmail(
  job: Pick<Job<AccountEmailJobData>, 'id' | 'data'>,
  purpose: ClientAccountEmailPurpose,
  deps: { accounts: AccountEmailRepository; email: EmailProvider; webUrl: string },
): Promise<{ sent: string } | { skipped: 'user-gone' }> {
  const { userId: accountId, practiceId } = job.data;
  const account = await deps.accounts.clients.findActiveAccount(practiceId, accountId);
  const practice = await deps.accounts.practiceName(practiceId);
  if (!account || !practice) return { skipped: 'user-gone' };

  const tokenId = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const linkToken = randomBytes(32).toString('base64url');
  const minutes = CLIENT_TOKEN_LIFETIME_MINUTES[purpose];
  await deps.accounts.clients.issueToken({
    id: tokenId,
    practiceId,
    accountId,
    codeHash: clientCodeHash(tokenId, code),
    linkTokenHash: sha256(linkToken),
    expiresAt: new Date(Date.now() + minutes * 60_000),
  });
  const base = deps.webUrl.replace(/\/$/, '');
  const link = `${base}/portal/verify?token=${linkToken}`;
  const text =
    purpose === 'CLIENT_INVITE'
      ? [
          'Hello,',
          '',
          `${practice.name} has invited you to its secure client portal on Solace, where you can message your care team.`,
          'Open the portal here (the link works once, for 3 days):',
          link,
          '',
          `Later, sign in at ${base}/portal/sign-in with this email address; we will email you a code.`,
        ]
      : [
          'Hello,',
          '',
          `Your code to sign in to the ${practice.name} client portal is:`,
          '',
          `    ${code}`,
          '',
          'Or open this link on this device (it works once):',
          link,
          '',
          'The code and the link expire in 15 minutes. If you did not ask to sign in, ignore this email.',
        ];
  const { id } = await deps.email.send({
    to: account.email,
    subject: purpose === 'CLIENT_INVITE' ? `${practice.name} invites you to its client portal` : `Your ${practice.name} sign-in code: ${code}`,
    text: text.join('\n'),
    idempotencyKey: String(job.id),
  });
  return { sent: id };
}
