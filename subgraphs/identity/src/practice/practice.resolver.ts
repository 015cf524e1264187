import { allowedRoles, DomainError, requireUser, type RequestContext } from '@solace/server-kit';
import { Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { PracticeRepository } from './practice.repository';
import { Practice } from './practice.type';

@InputType()
export class PracticeSettingsInput {
  @Field(() => String)
  @Length(1, 120)
  name!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. America/New_York: times are shown and hours kept in it.' })
  @Length(1, 64)
  timeZone!: string;
}

/** Whether Node's ICU knows the zone (it lists every canonical IANA name). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

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

  @Authorized(...allowedRoles('updatePracticeSettings'))
  @Mutation(() => Practice, { description: 'Admins: the practice’s name and time zone (weekly hours are wall-clock times in it).' })
  async updatePracticeSettings(@Arg('input', () => PracticeSettingsInput) input: PracticeSettingsInput, @Ctx() ctx: RequestContext): Promise<Practice> {
    if (!isTimeZone(input.timeZone)) throw new DomainError('BAD_USER_INPUT', `Unknown time zone "${input.timeZone}"; use an IANA name such as America/New_York.`, { details: { reason: 'UNKNOWN_TIME_ZONE' } });
    const { practiceId } = requireUser(ctx);
    const practice = await this.practices.update(practiceId, { name: input.name.trim(), timeZone: input.timeZone });
    ctx.audit?.record('UPDATE', 'Practice', practiceId);
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
