import { allowedRoles, AuditAs, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ChangeStaffRolesArgs, InviteStaffInput } from './staff-admin.input';
import type { StaffAdminService } from './staff-admin.service';
import { StaffUser } from './staff-user.type';

@Resolver(() => StaffUser)
export class StaffAdminResolver {
  constructor(private readonly service: StaffAdminService) {}

  @Authorized(...allowedRoles('inviteStaff'))
  @AuditAs('CREATE')
  @Mutation(() => StaffUser, { description: 'Adds a staff member and emails them a link to choose their password (valid 3 days).' })
  inviteStaff(@Arg('input', () => InviteStaffInput) input: InviteStaffInput, @Ctx() ctx: RequestContext) {
    return this.service.invite(requireUser(ctx), input, ctx.requestId);
  }

  @Authorized(...allowedRoles('changeStaffRoles'))
  @Mutation(() => StaffUser, { description: "Replaces a staff member's roles; their sessions end so the change applies at once." })
  changeStaffRoles(@Args(() => ChangeStaffRolesArgs) { id, roles }: ChangeStaffRolesArgs, @Ctx() ctx: RequestContext) {
    return this.service.changeRoles(requireUser(ctx), id, roles);
  }

  @Authorized(...allowedRoles('deactivateStaff'))
  @Mutation(() => StaffUser, { description: 'Deactivates a staff member: they cannot sign in and their sessions end.' })
  deactivateStaff(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.deactivate(requireUser(ctx), id);
  }
}
