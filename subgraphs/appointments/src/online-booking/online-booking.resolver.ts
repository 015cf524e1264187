import { PracticeScopeFromArgs, type RequestContext } from '@solace/server-kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import type { OnlineBookingService } from './online-booking.service';
import { ConfirmOnlineBookingArgs, HoldOnlineSlotArgs, OnlineBookingConfirmation, OnlineBookingPage, OnlineClinicianAvailability, OnlineSlot, OnlineSlotsArgs, SlotHold } from './online-booking.type';

// Public: a client books from the practice's booking link without an account. Each operation runs
// in the named practice's row-level-security scope; the hold id is the capability that ties the
// steps together. Nothing here reveals other clients or appointments, only free times.
@Resolver()
export class OnlineBookingResolver {
  constructor(private readonly booking: OnlineBookingService) {}

  @UseMiddleware(PracticeScopeFromArgs)
  @Query(() => OnlineBookingPage, { description: 'The practice’s public booking page: services offered online and clinicians. NOT_FOUND for an unknown link.' })
  onlineBookingPage(@Arg('practiceId', () => ID) practiceId: string) {
    return this.booking.page(practiceId);
  }

  @UseMiddleware(PracticeScopeFromArgs)
  @Query(() => [OnlineSlot], {
    description:
      'Free times for a service (within the practice’s notice and horizon), earliest first, one object per time. Booking pages should prefer `onlineAvailabilityByClinician` (the same times grouped by clinician, a fraction of the size).',
  })
  onlineSlots(@Args(() => OnlineSlotsArgs) { practiceId, ...search }: OnlineSlotsArgs) {
    return this.booking.slots(practiceId, search);
  }

  @UseMiddleware(PracticeScopeFromArgs)
  @Query(() => [OnlineClinicianAvailability], {
    description:
      'The free times of `onlineSlots` grouped by clinician: each clinician who has any, the one with the earliest free time first, with their start times ascending. Same rules and same times as `onlineSlots`.',
  })
  onlineAvailabilityByClinician(@Args(() => OnlineSlotsArgs) { practiceId, ...search }: OnlineSlotsArgs) {
    return this.booking.slotsByClinician(practiceId, search);
  }

  @UseMiddleware(PracticeScopeFromArgs)
  @Mutation(() => SlotHold, { description: 'Holds a free time for ten minutes; CONFLICT (SLOT_TAKEN) when it is no longer free.' })
  holdOnlineSlot(@Args(() => HoldOnlineSlotArgs) { practiceId, ...request }: HoldOnlineSlotArgs) {
    return this.booking.hold(practiceId, request);
  }

  @Mutation(() => OnlineBookingConfirmation, {
    description: 'Books the held time for the client whose details were submitted (submitOnlineBookingDetails). Retrying returns the same booking.',
  })
  confirmOnlineBooking(@Args(() => ConfirmOnlineBookingArgs) { holdId, modality }: ConfirmOnlineBookingArgs, @Ctx() ctx: RequestContext) {
    return this.booking.confirm(holdId, modality, ctx.requestId);
  }
}
