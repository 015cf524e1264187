import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { CalendarConnectionService } from './calendar-connection.service';

@ObjectType({ description: 'Your outside calendar: its busy time blocks your availability; your sessions appear in it (without client details).' })
export class CalendarConnection {
  @Field(() => String)
  provider!: string;

  @Field(() => Boolean)
  connected!: boolean;

  @Field(() => Date, { nullable: true })
  connectedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastSyncedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last sync failed (e.g. invalid_grant: connect again).' })
  lastError!: string | null;
}

@Resolver()
export class CalendarConnectionResolver {
  constructor(private readonly connections: CalendarConnectionService) {}

  @Authorized(...allowedRoles('googleCalendarConnection'))
  @Query(() => CalendarConnection)
  googleCalendarConnection(@Ctx() ctx: RequestContext) {
    return this.connections.status(requireUser(ctx));
  }

  @Authorized(...allowedRoles('startGoogleCalendarConnection'))
  @Mutation(() => String, { description: 'The Google consent page to send the browser to; it returns to /account/google-calendar.' })
  startGoogleCalendarConnection(@Ctx() ctx: RequestContext) {
    return this.connections.start(requireUser(ctx));
  }

  @Authorized(...allowedRoles('completeGoogleCalendarConnection'))
  @Mutation(() => CalendarConnection)
  completeGoogleCalendarConnection(@Arg('code', () => String) code: string, @Arg('state', () => String) state: string, @Ctx() ctx: RequestContext) {
    return this.connections.complete(requireUser(ctx), code, state);
  }

  @Authorized(...allowedRoles('disconnectGoogleCalendar'))
  @Mutation(() => CalendarConnection, { description: 'Stops syncing and forgets the token and the copied busy time.' })
  disconnectGoogleCalendar(@Ctx() ctx: RequestContext) {
    return this.connections.disconnect(requireUser(ctx));
  }
}
