import { DomainError, notFound } from '@solace/server-kit';
import type { ClientRepository } from './client.repository';
import type { CreateClientInput, UpdateClientInput } from './client.input';
import type { Client, ClientStatus } from './client.type';

const today = () => new Date().toISOString().slice(0, 10);
// Same shape as class-validator refusals (format-error.ts), so a form can mark the field either way.
const badInput = (message: string, field: string) => new DomainError('BAD_USER_INPUT', message, { details: { fields: [{ field }] } });

export class ClientService {
  constructor(private readonly clients: ClientRepository) {}

  /** null when the client does not exist in this practice (a reference from another subgraph). */
  find(practiceId: string, id: string): Promise<Client | null> {
    return this.clients.findInPractice(practiceId, id);
  }

  /** Many clients of the practice at once (entity references of a calendar page), in any order. */
  findMany(practiceId: string, ids: readonly string[]): Promise<Client[]> {
    return this.clients.findManyInPractice(practiceId, ids);
  }

  async get(practiceId: string, id: string): Promise<Client> {
    const client = await this.clients.findInPractice(practiceId, id);
    if (!client) throw notFound('Client', id);
    return client;
  }

  list(practiceId: string, search: string | undefined, limit = 50, status?: ClientStatus): Promise<Client[]> {
    return this.clients.listInPractice(practiceId, search, Math.min(Math.max(limit, 1), 200), status);
  }

  async create(practiceId: string, input: CreateClientInput): Promise<Client> {
    if (input.dateOfBirth > today()) throw badInput('The date of birth is in the future.', 'dateOfBirth');
    if (input.reminderSms && !input.phone?.trim()) throw badInput('SMS reminders need a phone number.', 'reminderSms');
    return this.clients.create(practiceId, input);
  }

  async update(practiceId: string, id: string, input: UpdateClientInput): Promise<Client> {
    const current = await this.clients.findState(practiceId, id);
    if (!current) throw notFound('Client', id);
    if (current.erasedAt) throw new DomainError('CONFLICT', 'This client record was erased; it can no longer be changed.');
    if (input.dateOfBirth !== undefined && input.dateOfBirth > today()) throw badInput('The date of birth is in the future.', 'dateOfBirth');

    const phone = input.phone !== undefined ? input.phone?.trim() || null : current.phone;
    if (input.reminderSms && !phone) throw badInput('SMS reminders need a phone number.', 'reminderSms');
    // Removing the phone number also ends SMS reminders: there is nowhere to send them.
    const effective = input.phone !== undefined && !phone ? ({ ...input, reminderSms: false } as UpdateClientInput) : input;

    const status = input.status ?? current.status;
    if (input.dischargedOn && status !== 'DISCHARGED') throw badInput('A discharge date needs the status DISCHARGED.', 'dischargedOn');
    if (input.dischargedOn && input.dischargedOn > today()) throw badInput('The discharge date is in the future.', 'dischargedOn');
    // The discharge date follows the status: set on discharge (today unless given), cleared otherwise.
    let dischargedOn: string | null | undefined;
    if (status !== 'DISCHARGED') dischargedOn = current.dischargedOn ? null : undefined;
    else if (input.dischargedOn) dischargedOn = input.dischargedOn;
    else if (!current.dischargedOn || current.status !== 'DISCHARGED') dischargedOn = today();

    const updated = await this.clients.update(practiceId, id, effective, dischargedOn);
    if (!updated) throw notFound('Client', id);
    return updated;
  }
}
