// Staff give a client portal access (an emailed magic link) or take it away (sessions end at once).
// identity owns the accounts but not the client record: the email comes from the caller, and the
// client id is trusted only within the caller's practice (accounts are always scoped by it).
import { DomainError, endSessionLiveness, notFound, type AuthClaims, type Redis } from '@solace/server-kit';
import type { AccountEmailSender } from '../auth/account-email.sender';
import type { SessionRepository } from '../auth/session.repository';
import type { ClientAccountRepository } from './client-account.repository';
import type { ClientAccount } from './client-account.type';

export class ClientPortalService {
  constructor(
    private readonly accounts: ClientAccountRepository,
    private readonly sessions: SessionRepository,
    private readonly redis: Redis,
    private readonly emails: AccountEmailSender,
  ) {}

  /** Creates or reactivates the client's account with this email and emails them a link in. */
  async invite(staff: AuthClaims, clientId: string, email: string, requestId: string): Promise<ClientAccount> {
    if (!(await this.accounts.clientExists(staff.practiceId, clientId))) throw notFound('Client', clientId);
    const account = await this.accounts.upsertActive(staff.practiceId, clientId, email);
    if (account === 'taken') {
      throw new DomainError('CONFLICT', 'Another portal account of the practice uses this email.', { details: { reason: 'EMAIL_TAKEN' } });
    }
    await this.emails.send({ userId: account.id, practiceId: staff.practiceId, purpose: 'CLIENT_INVITE', requestId });
    return account;
  }

  /** Turns the client's portal sign-in off and ends their sessions now. */
  async disable(staff: AuthClaims, clientId: string): Promise<ClientAccount> {
    const account = await this.accounts.findByClientId(staff.practiceId, clientId);
    if (!account) throw notFound('ClientAccount', clientId);
    const disabled = await this.accounts.deactivate(staff.practiceId, account.id);
    const sessionIds = await this.sessions.activeSessionIds(account.id);
    await this.sessions.revoke(sessionIds, 'ACCOUNT_DISABLED');
    await endSessionLiveness(this.redis, sessionIds);
    return disabled;
  }

  forClient(staff: AuthClaims, clientId: string): Promise<ClientAccount | null> {
    return this.accounts.findByClientId(staff.practiceId, clientId);
  }

  /** The signed-in client's own account. */
  async me(client: AuthClaims): Promise<ClientAccount> {
    const account = await this.accounts.findActive(client.practiceId, client.sub);
    if (!account) throw new DomainError('UNAUTHENTICATED', 'Your portal access has ended; ask your practice.');
    return account;
  }
}
