import type { RequestContext } from '@solace/server-kit';
import { describe, expect, it } from 'vitest';
import type { Charge } from '../charge/charge.type';
import type { AppointmentChargeRepository } from './appointment-charge.repository';
import { AppointmentChargeResolver } from './appointment-charge.resolver';

const charge = (appointmentId: string): Charge => ({ id: `charge-${appointmentId}`, appointmentId, clientId: 'c', cptCode: '90837', amountCents: 15000, createdAt: new Date(0) });

function setup(roles: string[]) {
  const calls: Array<readonly string[]> = [];
  const repository = {
    forAppointments: async (practiceId: string, ids: readonly string[]) => {
      calls.push(ids);
      expect(practiceId).toBe('practice-1');
      return ids.filter((id) => id !== 'a2').map(charge);
    },
  } as unknown as AppointmentChargeRepository;
  const ctx = { user: { sub: 'u', practiceId: 'practice-1', roles }, requestId: 'r' } as unknown as RequestContext;
  return { resolver: new AppointmentChargeResolver(repository), ctx, calls };
}

describe('AppointmentChargeResolver.charge', () => {
  it('loads the charges of a whole calendar in one repository call, scoped to the caller’s practice', async () => {
    const { resolver, ctx, calls } = setup(['FRONT_DESK']);
    const results = await Promise.all(['a1', 'a2', 'a3'].map((id) => resolver.charge({ id }, ctx)));
    expect(results.map((result) => result?.id ?? null)).toEqual(['charge-a1', null, 'charge-a3']);
    expect(calls).toEqual([['a1', 'a2', 'a3']]);
  });

  it('answers null without asking the database for roles that do not see charges', async () => {
    const { resolver, ctx, calls } = setup(['SUPERVISOR']);
    expect(await resolver.charge({ id: 'a1' }, ctx)).toBeNull();
    expect(calls).toEqual([]);
  });
});
