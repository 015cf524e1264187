import { clientExportReference, ClientRef, StaffUserRef, type SubgraphDefinition } from '@solace/server-kit';
import { createRemindersQueue } from '@solace/workers';
import { AppointmentRepository } from './appointment/appointment.repository';
import { AppointmentResolver, appointmentReference } from './appointment/appointment.resolver';
import { AppointmentService } from './appointment/appointment.service';
import { createAppointmentSideEffects } from './appointment/appointment.side-effects';
import { ClientDataExportAppointments, ClientExportSectionResolver } from './client-export/client-export.section';
import { ClientExportRepository } from './client-export/client-export.repository';

export const appointmentsSubgraph: SubgraphDefinition = {
  name: 'appointments',
  orphanedTypes: [ClientRef, StaffUserRef, ClientDataExportAppointments],
  resolvers: (deps) => [new AppointmentResolver(appointmentService(deps)), new ClientExportSectionResolver(new ClientExportRepository(deps.prisma))],
  referenceResolvers: (deps) => ({ Appointment: appointmentReference(appointmentService(deps)), ...clientExportReference }),
};

const services = new WeakMap<object, AppointmentService>();

/** One service (and one reminders queue connection) per set of dependencies. */
function appointmentService(deps: Parameters<SubgraphDefinition['resolvers']>[0]): AppointmentService {
  let service = services.get(deps);
  if (!service) {
    // The queue connects on first use, so building the schema (npm run compose) needs no Redis.
    let queue: ReturnType<typeof createRemindersQueue> | undefined;
    const getQueue = () => {
      if (!queue) {
        const created = createRemindersQueue(deps.config.redisUrl);
        deps.onClose(() => created.close());
        queue = created;
      }
      return queue;
    };
    service = new AppointmentService(new AppointmentRepository(deps.prisma), createAppointmentSideEffects({ queue: getQueue, redis: deps.redis, log: deps.log }));
    services.set(deps, service);
  }
  return service;
}
