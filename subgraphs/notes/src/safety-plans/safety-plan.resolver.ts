import { allowedRoles, AuditAs, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { SaveSafetyPlanArgs } from './safety-plan.input';
import type { SafetyPlanService } from './safety-plan.service';
import { SafetyPlan } from './safety-plan.type';

@Resolver(() => SafetyPlan)
export class SafetyPlanResolver {
  constructor(private readonly service: SafetyPlanService) {}

  @Authorized(...allowedRoles('safetyPlans'))
  @Query(() => [SafetyPlan], { description: "Every version of a client's safety plan, newest (current) first." })
  safetyPlans(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: RequestContext) {
    return this.service.history(requireUser(ctx), clientId);
  }

  @Authorized(...allowedRoles('saveSafetyPlan'))
  @AuditAs('CREATE')
  @Mutation(() => SafetyPlan, { description: "Saves a new version of a client's safety plan; the previous one stays as history." })
  saveSafetyPlan(@Args(() => SaveSafetyPlanArgs) { clientId, plan }: SaveSafetyPlanArgs, @Ctx() ctx: RequestContext) {
    return this.service.save(requireUser(ctx), clientId, plan);
  }
}
