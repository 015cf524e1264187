import { allowedRoles, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ClearClientRiskFlagArgs, FlagClientAtRiskArgs } from './risk-flag.input';
import type { RiskFlagService } from './risk-flag.service';
import { ClientRiskStatus } from './risk-flag.type';

@Resolver(() => ClientRiskStatus)
export class RiskFlagResolver {
  constructor(private readonly service: RiskFlagService) {}

  @Authorized(...allowedRoles('clientRiskStatus'))
  @Query(() => ClientRiskStatus, { description: "A client's risk flag, its history, and whether a current safety plan exists." })
  clientRiskStatus(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: RequestContext) {
    return this.service.status(requireUser(ctx), clientId);
  }

  @Authorized(...allowedRoles('flagClientAtRisk'))
  @Mutation(() => ClientRiskStatus, { description: 'Flags a client at risk, or changes the level of the open flag (the previous flag stays in history).' })
  flagClientAtRisk(@Args(() => FlagClientAtRiskArgs) { clientId, level, reason }: FlagClientAtRiskArgs, @Ctx() ctx: RequestContext) {
    return this.service.flag(requireUser(ctx), clientId, level, reason);
  }

  @Authorized(...allowedRoles('clearClientRiskFlag'))
  @Mutation(() => ClientRiskStatus, { description: "Clears a client's risk flag, saying why." })
  clearClientRiskFlag(@Args(() => ClearClientRiskFlagArgs) { clientId, reason }: ClearClientRiskFlagArgs, @Ctx() ctx: RequestContext) {
    return this.service.clear(requireUser(ctx), clientId, reason);
  }
}
