import { allowedRoles, DomainError, requireUser, type RequestContext } from '@solace/server-kit';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
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
}

/** A Practice reference resolves only inside the caller's own practice. */
export const practiceReference = (practices: PracticeRepository) => ({
  __resolveReference: (reference: { id: string }, ctx: RequestContext) => {
    const user = requireUser(ctx);
    return reference.id === user.practiceId ? practices.findById(reference.id) : null;
  },
});
