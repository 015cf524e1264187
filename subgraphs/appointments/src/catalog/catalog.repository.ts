import type { PrismaClient } from '@solace/server-kit';
import type { RoomInput, ServiceInput } from './catalog.input';
import type { Room, Service } from './catalog.type';

const SERVICE_FIELDS = { id: true, name: true, durationMinutes: true, cptCode: true, priceCents: true, bookableOnline: true, modalities: true, active: true } as const;
const ROOM_FIELDS = { id: true, name: true, active: true } as const;

/** PostgreSQL's unique_violation (Prisma P2002): a name already taken in the practice. */
export const isDuplicateName = (error: unknown) => (error as { code?: string })?.code === 'P2002';

export class CatalogRepository {
  constructor(private readonly prisma: PrismaClient) {}

  listServices(practiceId: string, includeInactive: boolean, onlineOnly = false): Promise<Service[]> {
    return this.prisma.service.findMany({
      where: { practiceId, ...(includeInactive ? {} : { active: true }), ...(onlineOnly ? { bookableOnline: true } : {}) },
      select: SERVICE_FIELDS,
      orderBy: { name: 'asc' },
    });
  }

  findService(practiceId: string, id: string): Promise<Service | null> {
    return this.prisma.service.findFirst({ where: { id, practiceId }, select: SERVICE_FIELDS });
  }

  servicesByIds(practiceId: string, ids: readonly string[]): Promise<Service[]> {
    return this.prisma.service.findMany({ where: { practiceId, id: { in: [...ids] } }, select: SERVICE_FIELDS });
  }

  roomsByIds(practiceId: string, ids: readonly string[]): Promise<Room[]> {
    return this.prisma.room.findMany({ where: { practiceId, id: { in: [...ids] } }, select: ROOM_FIELDS });
  }

  createService(practiceId: string, input: ServiceInput): Promise<Service> {
    return this.prisma.service.create({ data: { practiceId, ...input }, select: SERVICE_FIELDS });
  }

  async updateService(practiceId: string, id: string, input: ServiceInput): Promise<Service | null> {
    const { count } = await this.prisma.service.updateMany({ where: { id, practiceId }, data: input });
    return count === 1 ? this.findService(practiceId, id) : null;
  }

  listRooms(practiceId: string, includeInactive: boolean): Promise<Room[]> {
    return this.prisma.room.findMany({ where: { practiceId, ...(includeInactive ? {} : { active: true }) }, select: ROOM_FIELDS, orderBy: { name: 'asc' } });
  }

  findRoom(practiceId: string, id: string): Promise<Room | null> {
    return this.prisma.room.findFirst({ where: { id, practiceId }, select: ROOM_FIELDS });
  }

  createRoom(practiceId: string, input: RoomInput): Promise<Room> {
    return this.prisma.room.create({ data: { practiceId, ...input }, select: ROOM_FIELDS });
  }

  async updateRoom(practiceId: string, id: string, input: RoomInput): Promise<Room | null> {
    const { count } = await this.prisma.room.updateMany({ where: { id, practiceId }, data: input });
    return count === 1 ? this.findRoom(practiceId, id) : null;
  }
}
