import { allowedRoles, AuditAs, nullIfNotFound, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CreateChargeArgs } from './charge.input';
import type { ChargeService } from './charge.service';
import { Charge, ClientWithBalance } from './charge.type';

@Resolver(() => Charge)
export class ChargeResolver {
  constructor(private readonly service: ChargeService) {}

  @Authorized(...allowedRoles('charges'))
  @Query(() => [Charge], { description: "A client's charges, newest first." })
  charges(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: RequestContext) {
    return this.service.listForClient(requireUser(ctx), clientId);
  }

  @Authorized(...allowedRoles('createCharge'))
  @AuditAs('CREATE')
  @Mutation(() => Charge, { description: 'Charges a completed appointment (once).' })
  createCharge(@Args(() => CreateChargeArgs) input: CreateChargeArgs, @Ctx() ctx: RequestContext) {
    return this.service.create(requireUser(ctx), input);
  }
}

@Resolver(() => ClientWithBalance)
export class ClientBalanceResolver {
  constructor(private readonly service: ChargeService) {}

  @FieldResolver(() => Int, { description: 'What the client owes, in cents.' })
  balanceCents(@Root() client: ClientWithBalance, @Ctx() ctx: RequestContext) {
    return this.service.balanceCents(requireUser(ctx, allowedRoles('charges')), client.id);
  }
}

export const billingReferences = (service: ChargeService) => ({
  Charge: { __resolveReference: (ref: { id: string }, ctx: RequestContext) => nullIfNotFound(service.get(requireUser(ctx, allowedRoles('charges')), ref.id)) },
  // Authorization for Client.balanceCents happens in its field resolver.
  Client: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
});
