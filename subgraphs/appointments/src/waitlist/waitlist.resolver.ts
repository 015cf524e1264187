import { allowedRoles, AuditAs, ClientRef, requireUser, SystemScope, type RequestContext } from '@solace/server-kit';
import { IsIn, Matches } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { loadService } from '../catalog/catalog.loaders';
import type { CatalogService } from '../catalog/catalog.service';
import { Modality, Service } from '../catalog/catalog.type';
import type { WaitlistService } from './waitlist.service';
import { WaitlistEntry, WaitlistEntryInput, WaitlistOfferView, WaitlistStatus } from './waitlist.type';

@ArgsType()
class OfferTokenArgs {
  @Field(() => String)
  @Matches(/^[A-Za-z0-9_-]{40,64}$/, { message: 'That offer link is not valid.' })
  token!: string;
}

@ArgsType()
class AcceptOfferArgs extends OfferTokenArgs {
  @Field(() => Modality, { defaultValue: Modality.IN_PERSON })
  @IsIn(Object.values(Modality))
  modality!: Modality;
}

@Resolver(() => WaitlistEntry)
export class WaitlistResolver {
  constructor(
    private readonly waitlist: WaitlistService,
    private readonly catalog: CatalogService,
  ) {}

  @Authorized(...allowedRoles('waitlistEntries'))
  @Query(() => [WaitlistEntry], { description: 'The waitlist, first come first served.' })
  waitlistEntries(@Arg('status', () => WaitlistStatus, { defaultValue: WaitlistStatus.ACTIVE }) status: WaitlistStatus, @Ctx() ctx: RequestContext) {
    return this.waitlist.list(requireUser(ctx), status);
  }

  @Authorized(...allowedRoles('addToWaitlist'))
  @AuditAs('CREATE')
  @Mutation(() => WaitlistEntry)
  addToWaitlist(@Arg('input', () => WaitlistEntryInput) input: WaitlistEntryInput, @Ctx() ctx: RequestContext) {
    return this.waitlist.add(requireUser(ctx), input);
  }

  @Authorized(...allowedRoles('removeFromWaitlist'))
  @Mutation(() => WaitlistEntry)
  removeFromWaitlist(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.waitlist.remove(requireUser(ctx), id);
  }

  // Public: the client opens the emailed link; the secret in it is the only credential.
  @UseMiddleware(SystemScope)
  @Query(() => WaitlistOfferView, { description: 'The time offered through a waitlist link.' })
  waitlistOffer(@Args(() => OfferTokenArgs) { token }: OfferTokenArgs) {
    return this.waitlist.view(token);
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => WaitlistOfferView, { description: 'Books the offered time. CONFLICT (OFFER_CLOSED) once it lapsed or was answered.' })
  acceptWaitlistOffer(@Args(() => AcceptOfferArgs) { token, modality }: AcceptOfferArgs, @Ctx() ctx: RequestContext) {
    return this.waitlist.accept(token, modality, ctx.requestId);
  }

  @UseMiddleware(SystemScope)
  @Mutation(() => WaitlistOfferView, { description: 'Lets the offered time go; it is offered to the next person at once.' })
  declineWaitlistOffer(@Args(() => OfferTokenArgs) { token }: OfferTokenArgs) {
    return this.waitlist.decline(token);
  }

  @FieldResolver(() => ClientRef)
  client(@Root() entry: WaitlistEntry): ClientRef {
    return { id: entry.clientId };
  }

  @FieldResolver(() => Service, { nullable: true, description: 'The service the client is waiting for.' })
  service(@Root() entry: WaitlistEntry, @Ctx() ctx: RequestContext) {
    return loadService(this.catalog, ctx, entry.serviceId);
  }
}
