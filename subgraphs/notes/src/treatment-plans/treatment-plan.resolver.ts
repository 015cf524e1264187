import { allowedRoles, AuditAs, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CreateTreatmentPlanArgs, ReviewTreatmentPlanArgs, UpdateTreatmentPlanArgs } from './treatment-plan.input';
import type { TreatmentPlanService } from './treatment-plan.service';
import { TreatmentPlan } from './treatment-plan.type';

@Resolver(() => TreatmentPlan)
export class TreatmentPlanResolver {
  constructor(private readonly service: TreatmentPlanService) {}

  @Authorized(...allowedRoles('treatmentPlans'))
  @Query(() => [TreatmentPlan], { description: "Every version of a client's treatment plan, newest first (draft, active, history)." })
  treatmentPlans(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: RequestContext) {
    return this.service.history(requireUser(ctx), clientId);
  }

  @Authorized(...allowedRoles('treatmentPlan'))
  @Query(() => TreatmentPlan)
  treatmentPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.get(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('createTreatmentPlan'))
  @AuditAs('CREATE')
  @Mutation(() => TreatmentPlan, { description: 'Starts a draft plan (the next version when the client has one already).' })
  createTreatmentPlan(@Args(() => CreateTreatmentPlanArgs) { clientId, plan }: CreateTreatmentPlanArgs, @Ctx() ctx: RequestContext) {
    return this.service.create(requireUser(ctx), clientId, plan.problems);
  }

  @Authorized(...allowedRoles('updateTreatmentPlan'))
  @Mutation(() => TreatmentPlan, { description: "Saves a draft plan's problems, goals, objectives and interventions." })
  updateTreatmentPlan(@Args(() => UpdateTreatmentPlanArgs) { id, plan }: UpdateTreatmentPlanArgs, @Ctx() ctx: RequestContext) {
    return this.service.update(requireUser(ctx), id, plan.problems);
  }

  @Authorized(...allowedRoles('discardTreatmentPlanDraft'))
  @AuditAs('DELETE')
  @Mutation(() => TreatmentPlan, { description: 'Deletes a draft plan that was never signed; returns it as it was.' })
  discardTreatmentPlanDraft(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.discard(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('signTreatmentPlan'))
  @Mutation(() => TreatmentPlan, { description: "Signs a draft: it becomes the client's active plan, due for review in 90 days; the previous one is superseded." })
  signTreatmentPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.sign(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('reviewTreatmentPlan'))
  @Mutation(() => TreatmentPlan, { description: 'Records a review of the active plan; the next review falls due 90 days later.' })
  reviewTreatmentPlan(@Args(() => ReviewTreatmentPlanArgs) { id, note, reviewedAt }: ReviewTreatmentPlanArgs, @Ctx() ctx: RequestContext) {
    return this.service.review(requireUser(ctx), id, note, reviewedAt);
  }

  @Authorized(...allowedRoles('completeTreatmentPlan'))
  @Mutation(() => TreatmentPlan, { description: 'Marks the active plan completed (treatment ended); no more reviews fall due.' })
  completeTreatmentPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.complete(requireUser(ctx), id);
  }
}
