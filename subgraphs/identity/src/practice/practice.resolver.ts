import { allowedRoles, DomainError, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { PracticeRepository } from './practice.repository';
import { Practice } from './practice.type';

@Resolver(() => Practice)
export class PracticeResolver {
  constructor(private readonly practices: PracticeRepository) {}

  @Authorized(...allowedRoles('currentPractice'))
  @Query(() => Practice, { description: "The signed-in user's practice." })
  async currentPractice(@Ctx() ctx: RequestContext): Promise<Practice> {
    const practice = await this.practices.findById(requireUser(ctx).practiceId);
    // A signed token whose practice was removed: the session is no longer valid.
    if (!practice) throw new DomainError('UNAUTHENTICATED', 'Your practice is no longer available; sign in again.');
    return practice;
  }

  @Authorized(...allowedRoles('setStaffMfaRequired'))
  @Mutation(() => Practice, { description: 'Admins: require (or stop requiring) two-step verification for every staff sign-in.' })
  async setStaffMfaRequired(@Arg('required', () => Boolean) required: boolean, @Ctx() ctx: RequestContext): Promise<Practice> {
    const { practiceId } = requireUser(ctx);
    const practice = await this.practices.setStaffMfaRequired(practiceId, required);
    // Not PHI, but who weakened or strengthened sign-in belongs on the practice's record.
    ctx.audit?.record('UPDATE', 'Practice', practiceId);
    return practice;
  }
}

/** A Practice reference resolves only inside the caller's own practice. */
export const practiceReference = (practices: PracticeRepository) => ({
  __resolveReference: (reference: { id: string }, ctx: RequestContext) => {
    const user = requireUser(ctx);
    return reference.id === user.practiceId ? practices.findById(reference.id) : null;
  },
});
