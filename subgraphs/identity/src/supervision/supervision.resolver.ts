import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { LinkSuperviseeArgs } from './supervision.input';
import type { SupervisionService } from './supervision.service';
import { SupervisionLink } from './supervision.type';

@Resolver(() => SupervisionLink)
export class SupervisionResolver {
  constructor(private readonly service: SupervisionService) {}

  @Authorized(...allowedRoles('supervisionLinks'))
  @Query(() => [SupervisionLink], { description: "Admins: the practice's supervision links. Others: the links they are part of." })
  supervisionLinks(@Arg('includeEnded', () => Boolean, { defaultValue: false }) includeEnded: boolean, @Ctx() ctx: RequestContext) {
    return this.service.list(requireUser(ctx), includeEnded);
  }

  @Authorized(...allowedRoles('linkSupervisee'))
  @Mutation(() => SupervisionLink, { description: 'Records that a SUPERVISOR oversees a CLINICIAN (CONFLICT when already linked).' })
  linkSupervisee(@Args(() => LinkSuperviseeArgs) { supervisorId, superviseeId }: LinkSuperviseeArgs, @Ctx() ctx: RequestContext) {
    return this.service.link(requireUser(ctx), supervisorId, superviseeId);
  }

  @Authorized(...allowedRoles('endSupervision'))
  @Mutation(() => SupervisionLink, { description: 'Ends a supervision link; it stays on record with its end time.' })
  endSupervision(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.end(requireUser(ctx), id);
  }
}
