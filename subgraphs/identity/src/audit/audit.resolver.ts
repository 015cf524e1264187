import { allowedRoles, type AuditRepository, type RequestContext, requireUser } from '@solace/server-kit';
import { Max, Min } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { AuditChainReport, AuditEvent } from './audit-event.type';

@ArgsType()
class AuditEventsArgs {
  @Field(() => String, { nullable: true })
  entityType?: string;

  @Field(() => String, { nullable: true })
  entityId?: string;

  @Field(() => ID, { nullable: true })
  actorId?: string;

  @Field(() => Int, { nullable: true, description: 'Page backwards: events before this sequence number.' })
  beforeSeq?: number;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  limit!: number;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditRepository) {}

  @Authorized(...allowedRoles('auditEvents'))
  @Query(() => [AuditEvent], { description: "The practice's audit trail, newest first (admins only)." })
  auditEvents(@Args(() => AuditEventsArgs) args: AuditEventsArgs, @Ctx() ctx: RequestContext) {
    return this.audit.list(requireUser(ctx).practiceId, args, args.limit);
  }

  @Authorized(...allowedRoles('auditChainReport'))
  @Query(() => AuditChainReport, { description: "Re-computes the practice's audit hash chain; any edited or deleted event breaks it." })
  auditChainReport(@Ctx() ctx: RequestContext) {
    return this.audit.verify(requireUser(ctx).practiceId);
  }
}
