import { DomainError, notFound, type AuthClaims } from '@solace/server-kit';
import type { RoomInput, ServiceInput } from './catalog.input';
import { isDuplicateName, type CatalogRepository } from './catalog.repository';
import type { Room, Service } from './catalog.type';

const duplicate = (what: string, name: string) => (error: unknown) => {
  if (isDuplicateName(error)) throw new DomainError('CONFLICT', `There is already a ${what} named "${name}".`, { details: { reason: 'DUPLICATE_NAME' } });
  throw error;
};

/** The practice's services (appointment types) and rooms. */
export class CatalogService {
  constructor(private readonly catalog: CatalogRepository) {}

  services(user: AuthClaims, includeInactive: boolean): Promise<Service[]> {
    return this.catalog.listServices(user.practiceId, includeInactive);
  }

  /** For booking: an active service of the practice, or NOT_FOUND. */
  async activeService(practiceId: string, id: string): Promise<Service> {
    const service = await this.catalog.findService(practiceId, id);
    if (!service?.active) throw notFound('Service', id);
    return service;
  }

  servicesByIds(practiceId: string, ids: readonly string[]): Promise<Service[]> {
    return this.catalog.servicesByIds(practiceId, ids);
  }

  roomsByIds(practiceId: string, ids: readonly string[]): Promise<Room[]> {
    return this.catalog.roomsByIds(practiceId, ids);
  }

  createService(user: AuthClaims, input: ServiceInput): Promise<Service> {
    return this.catalog.createService(user.practiceId, input).catch(duplicate('service', input.name));
  }

  async updateService(user: AuthClaims, id: string, input: ServiceInput): Promise<Service> {
    const service = await this.catalog.updateService(user.practiceId, id, input).catch(duplicate('service', input.name));
    if (!service) throw notFound('Service', id);
    return service;
  }

  rooms(user: AuthClaims, includeInactive: boolean): Promise<Room[]> {
    return this.catalog.listRooms(user.practiceId, includeInactive);
  }

  async activeRoom(practiceId: string, id: string): Promise<Room> {
    const room = await this.catalog.findRoom(practiceId, id);
    if (!room?.active) throw notFound('Room', id);
    return room;
  }

  createRoom(user: AuthClaims, input: RoomInput): Promise<Room> {
    return this.catalog.createRoom(user.practiceId, input).catch(duplicate('room', input.name));
  }

  async updateRoom(user: AuthClaims, id: string, input: RoomInput): Promise<Room> {
    const room = await this.catalog.updateRoom(user.practiceId, id, input).catch(duplicate('room', input.name));
    if (!room) throw notFound('Room', id);
    return room;
  }
}
