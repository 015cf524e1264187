import { type RequestContext, requestLoader, requireUser } from '@solace/server-kit';
import type { CatalogService } from './catalog.service';
import type { Room, Service } from './catalog.type';

// Field resolvers on lists (a week of appointments, the waitlist) share one query per request.

export function loadService(catalog: CatalogService, ctx: RequestContext, serviceId: string | null): Promise<Service | null> | null {
  if (!serviceId) return null;
  const { practiceId } = requireUser(ctx);
  return requestLoader(ctx, `Service:${practiceId}`, (ids) => catalog.servicesByIds(practiceId, ids)).load(serviceId);
}

export function loadRoom(catalog: CatalogService, ctx: RequestContext, roomId: string | null): Promise<Room | null> | null {
  if (!roomId) return null;
  const { practiceId } = requireUser(ctx);
  return requestLoader(ctx, `Room:${practiceId}`, (ids) => catalog.roomsByIds(practiceId, ids)).load(roomId);
}
