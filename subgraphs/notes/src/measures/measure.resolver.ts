import { allowedRoles, AuditAs, type RequestContext, requireUser } from '@solace/server-kit';
import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { MeasureTrendArgs, RecordMeasureArgs } from './measure.input';
import type { MeasureService } from './measure.service';
import { MeasureInstrumentDefinition, MeasureTrend, RecordedMeasure } from './measure.type';

@Resolver()
export class MeasureResolver {
  constructor(private readonly service: MeasureService) {}

  @Authorized(...allowedRoles('measureInstruments'))
  @Query(() => [MeasureInstrumentDefinition], { description: 'The PHQ-9 and GAD-7 with their exact wording, answer options and severity bands.' })
  measureInstruments() {
    return this.service.definitions();
  }

  @Authorized(...allowedRoles('recordMeasure'))
  @AuditAs('CREATE')
  @Mutation(() => RecordedMeasure, { description: "Records a client's PHQ-9 or GAD-7 answers as entered by staff, scored." })
  recordMeasure(@Args(() => RecordMeasureArgs) { clientId, instrument, answers, administeredAt }: RecordMeasureArgs, @Ctx() ctx: RequestContext) {
    const user = requireUser(ctx);
    return this.service.record(user.practiceId, clientId, instrument, answers, administeredAt, { source: 'STAFF', userId: user.sub });
  }

  @Authorized(...allowedRoles('measureTrend'))
  @Query(() => MeasureTrend, { description: "A client's scores on one instrument over time, with change and response/remission hints." })
  measureTrend(@Args(() => MeasureTrendArgs) { clientId, instrument }: MeasureTrendArgs, @Ctx() ctx: RequestContext) {
    return this.service.trend(requireUser(ctx).practiceId, clientId, instrument);
  }
}
