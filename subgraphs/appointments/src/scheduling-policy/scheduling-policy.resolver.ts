import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SchedulingPolicyRepository } from './scheduling-policy.repository';
import { SchedulingPolicy, SchedulingPolicyInput } from './scheduling-policy.type';

// No service layer: reading and saving a validated settings row has no rules beyond the input's.
@Resolver()
export class SchedulingPolicyResolver {
  constructor(private readonly policies: SchedulingPolicyRepository) {}

  @Authorized(...allowedRoles('schedulingPolicy'))
  @Query(() => SchedulingPolicy)
  schedulingPolicy(@Ctx() ctx: RequestContext) {
    return this.policies.get(requireUser(ctx).practiceId);
  }

  @Authorized(...allowedRoles('updateSchedulingPolicy'))
  @Mutation(() => SchedulingPolicy)
  updateSchedulingPolicy(@Arg('input', () => SchedulingPolicyInput) input: SchedulingPolicyInput, @Ctx() ctx: RequestContext) {
    return this.policies.save(requireUser(ctx).practiceId, { ...input });
  }
}
