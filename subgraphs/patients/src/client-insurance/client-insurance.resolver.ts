import { allowedRoles, AuditAs, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import { ClientInsuranceInput } from './client-insurance.input';
import type { ClientInsuranceService } from './client-insurance.service';
import { ClientInsurance } from './client-insurance.type';

@Resolver(() => Client)
export class ClientInsuranceResolver {
  constructor(private readonly service: ClientInsuranceService) {}

  @FieldResolver(() => [ClientInsurance], { description: 'Primary first, then secondary.' })
  insurances(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientInsurance[]> {
    return this.service.listForClient(requireUser(ctx, allowedRoles('client')).practiceId, client.id);
  }

  @Authorized(...allowedRoles('addClientInsurance'))
  @AuditAs('CREATE')
  @Mutation(() => ClientInsurance, { description: 'CONFLICT (RANK_TAKEN) when the client already has a policy of that rank.' })
  addClientInsurance(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('input', () => ClientInsuranceInput) input: ClientInsuranceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientInsurance> {
    return this.service.add(requireUser(ctx).practiceId, clientId, input);
  }

  @Authorized(...allowedRoles('updateClientInsurance'))
  @Mutation(() => ClientInsurance)
  updateClientInsurance(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ClientInsuranceInput) input: ClientInsuranceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientInsurance> {
    return this.service.update(requireUser(ctx).practiceId, id, input);
  }

  @Authorized(...allowedRoles('removeClientInsurance'))
  @AuditAs('DELETE')
  @Mutation(() => ClientInsurance, { description: 'Removes a policy; returns what was removed.' })
  removeClientInsurance(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ClientInsurance> {
    return this.service.remove(requireUser(ctx).practiceId, id);
  }
}
