import { notFound } from '@solace/server-kit';
import { badInput } from '../shared/bad-input';
import { ageOn, todayCalendarDate } from '../shared/calendar-date';
import type { ClientGuard } from '../shared/client-guard.repository';
import type { ClientConsentInput } from './client-consent.input';
import type { ClientConsentRepository, ConsentRow } from './client-consent.repository';
import type { ClientConsent, ClientConsentStatus } from './client-consent.type';
import { expiryFor, stateOf, summarise } from './consent-rules';

/** A signature a few minutes "in the future" is clock skew between the desk's device and the server. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const isMinorOn = (dateOfBirth: string, day = todayCalendarDate()) => ageOn(dateOfBirth, day) < 18;

export class ClientConsentService {
  constructor(
    private readonly consents: ClientConsentRepository,
    private readonly clients: ClientGuard,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private withState = (row: ConsentRow): ClientConsent => ({ ...row, state: stateOf(row, this.now()) });

  async listForClient(practiceId: string, clientId: string): Promise<ClientConsent[]> {
    return (await this.consents.listForClient(practiceId, clientId)).map(this.withState);
  }

  async statusFor(practiceId: string, client: { id: string; dateOfBirth: string }): Promise<ClientConsentStatus> {
    return summarise(await this.consents.listForClient(practiceId, client.id), isMinorOn(client.dateOfBirth), this.now());
  }

  async add(practiceId: string, clientId: string, input: ClientConsentInput): Promise<ClientConsent> {
    await this.clients.requireWritable(practiceId, clientId);
    if (input.signedAt.getTime() > this.now().getTime() + CLOCK_SKEW_MS) throw badInput('A consent cannot be signed in the future.', 'signedAt');
    const signedByName = input.signedByName.trim();
    if (!signedByName) throw badInput('Name who signed.', 'signedByName');
    const row = await this.consents.create(practiceId, clientId, { kind: input.kind, signedAt: input.signedAt, expiresAt: expiryFor(input.kind, input.signedAt), signedByName });
    return this.withState(row);
  }

  async revoke(practiceId: string, id: string): Promise<ClientConsent> {
    const existing = await this.consents.find(practiceId, id);
    if (!existing) throw notFound('ClientConsent', id);
    await this.clients.requireWritable(practiceId, existing.clientId);
    const revoked = await this.consents.revoke(practiceId, id, this.now());
    if (!revoked) throw notFound('ClientConsent', id);
    return this.withState(revoked);
  }
}
