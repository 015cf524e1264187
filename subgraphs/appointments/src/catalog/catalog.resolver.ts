import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { RoomInput, ServiceInput } from './catalog.input';
import type { CatalogService } from './catalog.service';
import { Room, Service } from './catalog.type';

@Resolver()
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Authorized(...allowedRoles('services'))
  @Query(() => [Service], { description: 'The practice’s services (appointment types), by name.' })
  services(@Arg('includeInactive', () => Boolean, { defaultValue: false }) includeInactive: boolean, @Ctx() ctx: RequestContext) {
    return this.catalog.services(requireUser(ctx), includeInactive);
  }

  @Authorized(...allowedRoles('createService'))
  @Mutation(() => Service)
  createService(@Arg('input', () => ServiceInput) input: ServiceInput, @Ctx() ctx: RequestContext) {
    return this.catalog.createService(requireUser(ctx), input);
  }

  @Authorized(...allowedRoles('updateService'))
  @Mutation(() => Service, { description: 'Replaces a service’s settings; booked appointments keep their times.' })
  updateService(@Arg('id', () => ID) id: string, @Arg('input', () => ServiceInput) input: ServiceInput, @Ctx() ctx: RequestContext) {
    return this.catalog.updateService(requireUser(ctx), id, input);
  }

  @Authorized(...allowedRoles('rooms'))
  @Query(() => [Room])
  rooms(@Arg('includeInactive', () => Boolean, { defaultValue: false }) includeInactive: boolean, @Ctx() ctx: RequestContext) {
    return this.catalog.rooms(requireUser(ctx), includeInactive);
  }

  @Authorized(...allowedRoles('createRoom'))
  @Mutation(() => Room)
  createRoom(@Arg('input', () => RoomInput) input: RoomInput, @Ctx() ctx: RequestContext) {
    return this.catalog.createRoom(requireUser(ctx), input);
  }

  @Authorized(...allowedRoles('updateRoom'))
  @Mutation(() => Room)
  updateRoom(@Arg('id', () => ID) id: string, @Arg('input', () => RoomInput) input: RoomInput, @Ctx() ctx: RequestContext) {
    return this.catalog.updateRoom(requireUser(ctx), id, input);
  }
}
