import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { enqueueReminderReplan, type ReminderReplansQueue } from '@solace/workers';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { ReminderSettingsRepository } from './reminder-settings.repository';
import { ReminderSettings, ReminderSettingsInput } from './reminder-settings.type';

// No service layer: the input's validation is the only rule. After a change, a worker job moves the
// practice's upcoming reminders onto the new settings; until it has run, the reminders worker
// re-checks channels and offsets when a reminder is due, so a channel or time switched off stops at once.
@Resolver()
export class ReminderSettingsResolver {
  constructor(
    private readonly settings: ReminderSettingsRepository,
    private readonly replans: () => ReminderReplansQueue,
  ) {}

  @Authorized(...allowedRoles('reminderSettings'))
  @Query(() => ReminderSettings)
  reminderSettings(@Ctx() ctx: RequestContext): Promise<ReminderSettings> {
    return this.settings.get(requireUser(ctx).practiceId);
  }

  @Authorized(...allowedRoles('updateReminderSettings'))
  @Mutation(() => ReminderSettings, { description: 'Admins: how and when clients are reminded of appointments.' })
  async updateReminderSettings(@Arg('input', () => ReminderSettingsInput) input: ReminderSettingsInput, @Ctx() ctx: RequestContext): Promise<ReminderSettings> {
    const { practiceId } = requireUser(ctx);
    const offsetsMinutes = [...input.offsetsMinutes].sort((a, b) => b - a);
    const { id, ...saved } = await this.settings.save(practiceId, { ...input, offsetsMinutes });
    // Not PHI, but who changed what clients are sent belongs on the practice's record.
    ctx.audit?.record('UPDATE', 'ReminderSettings', id);
    try {
      await enqueueReminderReplan(this.replans(), { practiceId, requestId: ctx.requestId });
    } catch (error) {
      // The settings are saved; new bookings follow them. Only already-booked visits keep their old plan.
      ctx.log.error({ err: error, practiceId }, 'could not queue re-planning of upcoming reminders');
    }
    return saved;
  }
}
