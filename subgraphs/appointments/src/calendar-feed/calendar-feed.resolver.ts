import { allowedRoles, requireUser, SystemScope, type RequestContext } from '@solace/server-kit';
import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver, UseMiddleware } from 'type-graphql';
import type { CalendarFeedService } from './calendar-feed.service';

@ObjectType({ description: 'A private calendar subscription link; anyone with it sees your session times (never client names).' })
export class CalendarFeedLink {
  @Field(() => String, { description: 'Subscribe to this URL in your calendar app. Shown only now.' })
  url!: string;
}

@Resolver()
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Authorized(...allowedRoles('createCalendarFeed'))
  @Mutation(() => CalendarFeedLink, { description: 'A new private iCalendar link of your sessions; earlier links stop working.' })
  async createCalendarFeed(@Ctx() ctx: RequestContext): Promise<CalendarFeedLink> {
    return { url: await this.feeds.create(requireUser(ctx)) };
  }

  @Authorized(...allowedRoles('revokeCalendarFeeds'))
  @Mutation(() => Int, { description: 'Stops every calendar link of yours; returns how many there were.' })
  revokeCalendarFeeds(@Ctx() ctx: RequestContext): Promise<number> {
    return this.feeds.revokeAll(requireUser(ctx));
  }

  @UseMiddleware(SystemScope)
  @Query(() => String, { description: 'The iCalendar text of a feed (the router serves it at /calendar/<token>.ics). NOT_FOUND when revoked.' })
  calendarFeed(@Arg('token', () => String) token: string): Promise<string> {
    return this.feeds.render(token);
  }
}
