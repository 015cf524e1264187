import { allowedRoles, AuditAs, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import { ClientGuardianInput } from './client-guardian.input';
import type { ClientGuardianService } from './client-guardian.service';
import { ClientGuardian } from './client-guardian.type';

@Resolver(() => Client)
export class ClientGuardianResolver {
  constructor(private readonly service: ClientGuardianService) {}

  @FieldResolver(() => [ClientGuardian], { description: 'Legal guardians first.' })
  guardians(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientGuardian[]> {
    return this.service.listForClient(requireUser(ctx, allowedRoles('client')).practiceId, client.id);
  }

  @Authorized(...allowedRoles('addClientGuardian'))
  @AuditAs('CREATE')
  @Mutation(() => ClientGuardian)
  addClientGuardian(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('input', () => ClientGuardianInput) input: ClientGuardianInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientGuardian> {
    return this.service.add(requireUser(ctx).practiceId, clientId, input);
  }

  @Authorized(...allowedRoles('updateClientGuardian'))
  @Mutation(() => ClientGuardian)
  updateClientGuardian(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ClientGuardianInput) input: ClientGuardianInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientGuardian> {
    return this.service.update(requireUser(ctx).practiceId, id, input);
  }

  @Authorized(...allowedRoles('removeClientGuardian'))
  @AuditAs('DELETE')
  @Mutation(() => ClientGuardian, { description: 'Removes a guardian; returns who was removed.' })
  removeClientGuardian(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ClientGuardian> {
    return this.service.remove(requireUser(ctx).practiceId, id);
  }
}
