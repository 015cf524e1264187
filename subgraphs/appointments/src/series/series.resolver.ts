import { allowedRoles, AuditAs, requestLoader, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Appointment } from '../appointment/appointment.type';
import { BookSeriesInput, CancelSeriesArgs, EditSeriesArgs } from './series.input';
import type { SeriesService } from './series.service';
import { AppointmentSeries, SeriesBooking } from './series.type';

@Resolver(() => Appointment)
export class SeriesResolver {
  constructor(private readonly seriesService: SeriesService) {}

  @Authorized(...allowedRoles('bookSeries'))
  @AuditAs('CREATE')
  @Mutation(() => SeriesBooking, {
    description: 'Books a recurring series (up to 300 sessions). All or none, unless skipConflicts books the free ones and lists the rest.',
  })
  bookSeries(@Arg('input', () => BookSeriesInput) { recurrence, skipConflicts, ...request }: BookSeriesInput, @Ctx() ctx: RequestContext) {
    return this.seriesService.book(requireUser(ctx), { ...request, recurrence: { ...recurrence }, skipConflicts }, ctx.requestId);
  }

  @Authorized(...allowedRoles('editSeries'))
  @Mutation(() => [Appointment], { description: 'Moves this session, this and the following ones, or every future one of its series; all or nothing.' })
  editSeries(@Args(() => EditSeriesArgs) args: EditSeriesArgs, @Ctx() ctx: RequestContext) {
    return this.seriesService.edit(requireUser(ctx), args, ctx.requestId);
  }

  @Authorized(...allowedRoles('cancelSeries'))
  @Mutation(() => [Appointment], { description: 'Cancels this session, this and the following ones, or every future one of its series.' })
  cancelSeries(@Args(() => CancelSeriesArgs) args: CancelSeriesArgs, @Ctx() ctx: RequestContext) {
    return this.seriesService.cancel(requireUser(ctx), args, ctx.requestId);
  }

  @FieldResolver(() => AppointmentSeries, { nullable: true })
  series(@Root() appointment: Appointment, @Ctx() ctx: RequestContext) {
    if (!appointment.seriesId) return null;
    const { practiceId } = requireUser(ctx);
    return requestLoader(ctx, `AppointmentSeries:${practiceId}`, (ids) => this.seriesService.byIds(practiceId, ids)).load(appointment.seriesId);
  }
}
