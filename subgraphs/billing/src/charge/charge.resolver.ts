import { allowedRoles, AuditAs, nullIfNotFound, type RequestContext, requestLoader, requireUser } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BillingHoldInfo } from '../billing-hold/billing-hold.type';
import type { BillingHoldService } from '../billing-hold/billing-hold.service';
import { CreateChargeArgs } from './charge.input';
import type { ChargeService } from './charge.service';
import { Charge, ClientWithBalance } from './charge.type';

@Resolver(() => Charge)
export class ChargeResolver {
  constructor(
    private readonly service: ChargeService,
    private readonly holds: BillingHoldService,
  ) {}

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

  // Derived when asked, so it lifts the moment the note is signed; a list of charges costs one load.
  @FieldResolver(() => BillingHoldInfo, { nullable: true, description: 'Why this charge may not be billed yet (e.g. the session note is unsigned past the hold day); null when billable.' })
  async hold(@Root() charge: Charge, @Ctx() ctx: RequestContext): Promise<BillingHoldInfo | null> {
    const user = requireUser(ctx);
    const loader = requestLoader(ctx, `BillingHold:${user.practiceId}`, async (ids) => [...(await this.holds.holdsFor(user.practiceId, ids)).values()].map((hold) => ({ ...hold, id: hold.appointmentId })));
    return loader.load(charge.appointmentId);
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
