import { Arg, Mutation, Resolver } from 'type-graphql';
import { OnlineBookingDetailsInput } from './online-booking-details.input';
import type { OnlineBookingDetailsService } from './online-booking-details.service';

// Public, like the rest of the booking page; the hold id (from holdOnlineSlot) is the capability.
@Resolver()
export class OnlineBookingDetailsResolver {
  constructor(private readonly details: OnlineBookingDetailsService) {}

  @Mutation(() => Boolean, { description: 'Records who is booking a held time (matched to an existing client by email and date of birth, or new). CONFLICT (HOLD_EXPIRED) when the hold lapsed.' })
  submitOnlineBookingDetails(@Arg('holdId', () => String) holdId: string, @Arg('details', () => OnlineBookingDetailsInput) details: OnlineBookingDetailsInput): Promise<boolean> {
    return this.details.submit(holdId, details);
  }
}
