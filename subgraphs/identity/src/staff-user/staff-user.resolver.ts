import { allowedRoles, notFound, type RequestContext, requestLoader, requireUser } from '@solace/server-kit';
import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Practice } from '../practice/practice.type';
import type { PracticeRepository } from '../practice/practice.repository';
import type { StaffUserRepository } from './staff-user.repository';
import { StaffUser } from './staff-user.type';

@Resolver(() => StaffUser)
export class StaffUserResolver {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly practices: PracticeRepository,
  ) {}

  @Authorized(...allowedRoles('me'))
  @Query(() => StaffUser, { description: 'The signed-in staff member.' })
  async me(@Ctx() ctx: RequestContext): Promise<StaffUser> {
    const user = requireUser(ctx);
    const me = await this.staff.findInPractice(user.practiceId, user.sub);
    if (!me) throw notFound('StaffUser', user.sub);
    return me;
  }

  @Authorized(...allowedRoles('staffUsers'))
  @Query(() => [StaffUser], { description: "The practice's active staff." })
  staffUsers(@Ctx() ctx: RequestContext): Promise<StaffUser[]> {
    return this.staff.listInPractice(requireUser(ctx).practiceId);
  }

  @FieldResolver(() => Practice)
  async practice(@Root() staffUser: StaffUser): Promise<Practice> {
    const practice = await this.practices.findById(staffUser.practiceId);
    if (!practice) throw notFound('Practice', staffUser.practiceId);
    return practice;
  }
}

/** Another subgraph asks for a StaffUser by id: only within the caller's practice. */
export const staffUserReference = (staff: StaffUserRepository) => ({
  // Batched per request: a list of appointments names each clinician once, in one query.
  __resolveReference: (reference: { id: string }, ctx: RequestContext) => {
    const { practiceId } = requireUser(ctx);
    return requestLoader(ctx, `StaffUser:${practiceId}`, (ids) => staff.findManyInPractice(practiceId, ids)).load(reference.id);
  },
});
