import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { ClientErasureService } from './client-erasure.service';

@ObjectType({ description: 'The outcome of a data-subject erasure request.' })
export class ClientErasure {
  @Field(() => ID)
  clientId!: string;

  @Field(() => Date, { description: 'When the record was first erased.' })
  erasedAt!: Date;
}

@Resolver(() => ClientErasure)
export class ClientErasureResolver {
  constructor(private readonly service: ClientErasureService) {}

  @Authorized(...allowedRoles('eraseClient'))
  @Mutation(() => ClientErasure, {
    description:
      'Admins: erases what may be erased of a client (contact details, portal account and sessions, future visits and their reminders) and keeps what clinical-records retention requires (README). Idempotent.',
  })
  async eraseClient(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: RequestContext): Promise<ClientErasure> {
    const erasedAt = await this.service.erase(requireUser(ctx), clientId, ctx.requestId);
    ctx.audit?.record('DELETE', 'Client', clientId);
    return { clientId, erasedAt };
  }
}
