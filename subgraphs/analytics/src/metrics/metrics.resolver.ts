import { allowedRoles, type RequestContext, requireUser } from '@solace/server-kit';
import { Args, Authorized, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import { MetricsPeriodArgs } from './metrics.input';
import type { MetricsService } from './metrics.service';
import { PracticeMetrics } from './practice-metrics.type';

@Resolver(() => PracticeMetrics)
export class MetricsResolver {
  constructor(private readonly service: MetricsService) {}

  @Authorized(...allowedRoles('practiceMetrics'))
  @Query(() => PracticeMetrics, { description: 'Kept-visit and no-show rates of the practice for a period.' })
  practiceMetrics(@Args(() => MetricsPeriodArgs) { from, to }: MetricsPeriodArgs, @Ctx() ctx: RequestContext) {
    return this.service.practiceMetrics(requireUser(ctx), from, to);
  }

  // Served by the router (ARCHITECTURE rule 7): pushed when an appointment's status changes,
  // each event resolved again through `practiceMetrics(from, to)`.
  @Authorized(...allowedRoles('practiceMetricsUpdated'))
  @Subscription(() => PracticeMetrics, {
    description: "The practice's metrics for a period, pushed again whenever an appointment changes.",
    topics: 'served-by-router',
  })
  practiceMetricsUpdated(@Args(() => MetricsPeriodArgs) _period: MetricsPeriodArgs, @Root() metrics: PracticeMetrics): PracticeMetrics {
    return metrics;
  }
}
