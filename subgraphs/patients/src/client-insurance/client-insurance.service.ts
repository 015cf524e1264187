import { notFound } from '@solace/server-kit';
import { badInput } from '../shared/bad-input';
import { todayCalendarDate } from '../shared/calendar-date';
import type { ClientGuard } from '../shared/client-guard.repository';
import type { ClientInsuranceInput } from './client-insurance.input';
import type { ClientInsuranceRepository } from './client-insurance.repository';
import type { ClientInsurance } from './client-insurance.type';

function check(input: ClientInsuranceInput): void {
  if (input.subscriberRelationship !== 'SELF') {
    if (!input.subscriberName?.trim()) throw badInput('Name the subscriber when it is not the client.', 'subscriberName');
    if (!input.subscriberDateOfBirth) throw badInput("Give the subscriber's date of birth when it is not the client.", 'subscriberDateOfBirth');
    if (input.subscriberDateOfBirth > todayCalendarDate()) throw badInput("The subscriber's date of birth is in the future.", 'subscriberDateOfBirth');
  }
  if (input.effectiveOn && input.terminatesOn && input.terminatesOn < input.effectiveOn) {
    throw badInput('Coverage cannot end before it starts.', 'terminatesOn');
  }
}

export class ClientInsuranceService {
  constructor(
    private readonly insurances: ClientInsuranceRepository,
    private readonly clients: ClientGuard,
  ) {}

  listForClient(practiceId: string, clientId: string): Promise<ClientInsurance[]> {
    return this.insurances.listForClient(practiceId, clientId);
  }

  async add(practiceId: string, clientId: string, input: ClientInsuranceInput): Promise<ClientInsurance> {
    await this.clients.requireWritable(practiceId, clientId);
    check(input);
    return this.insurances.create(practiceId, clientId, input);
  }

  async update(practiceId: string, id: string, input: ClientInsuranceInput): Promise<ClientInsurance> {
    const existing = await this.insurances.find(practiceId, id);
    if (!existing) throw notFound('ClientInsurance', id);
    await this.clients.requireWritable(practiceId, existing.clientId);
    check(input);
    const updated = await this.insurances.update(practiceId, id, input);
    if (!updated) throw notFound('ClientInsurance', id);
    return updated;
  }

  async remove(practiceId: string, id: string): Promise<ClientInsurance> {
    const removed = await this.insurances.remove(practiceId, id);
    if (!removed) throw notFound('ClientInsurance', id);
    return removed;
  }
}
