import { requireUser, type RequestContext } from '@solace/server-kit';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { PracticeRepository } from './practice.repository';
import { Practice } from './practice.type';

@Resolver(() => Practice)
export class PracticeResolver {
  constructor(private readonly practices: PracticeRepository) {}

  @Authorized()
  @Query(() => Practice, { description: "The signed-in user's practice." })
  async currentPractice(@Ctx() ctx: RequestContext): Promise<Practice> {
    const practice = await this.practices.findById(requireUser(ctx).practiceId);
    if (!practice) throw new Error('The practice of a valid token is missing.');
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
