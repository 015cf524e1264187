import { clientExportReference, clientExportSection, ClientRef, StaffUserRef, type SubgraphDefinition } from '@solace/server-kit';
import { createCalendarProvider, createCalendarSyncQueue, createReminderReplansQueue, createRemindersQueue, createWaitlistQueue, ReminderPlanSettingsRepository, type CalendarSyncQueue, type WaitlistQueue } from '@solace/workers';
import { AppointmentRepository } from './appointment/appointment.repository';
import { AppointmentResolver, appointmentReference } from './appointment/appointment.resolver';
import { AppointmentChangesResolver } from './appointment/appointment-changes.resolver';
import { AppointmentService } from './appointment/appointment.service';
import type { AppointmentSideEffects } from './appointment/appointment.events';
import { createAppointmentSideEffects } from './appointment/appointment.side-effects';
import { AvailabilityRepository } from './availability/availability.repository';
import { AvailabilityResolver } from './availability/availability.resolver';
import { AvailabilityService } from './availability/availability.service';
import { SlotHolds } from '@solace/server-kit';
import { BookingRulesRepository } from './booking-rules/booking-rules.repository';
import { CatalogRepository } from './catalog/catalog.repository';
import { CatalogResolver } from './catalog/catalog.resolver';
import { CatalogService } from './catalog/catalog.service';
import { ClinicianHoursRepository } from './clinician-hours/clinician-hours.repository';
import { ClinicianHoursResolver } from './clinician-hours/clinician-hours.resolver';
import { ClinicianHoursService } from './clinician-hours/clinician-hours.service';
import { CalendarConnectionRepository } from './calendar-sync/calendar-connection.repository';
import { CalendarConnectionResolver } from './calendar-sync/calendar-connection.resolver';
import { CalendarConnectionService } from './calendar-sync/calendar-connection.service';
import { CalendarFeedRepository } from './calendar-feed/calendar-feed.repository';
import { CalendarFeedResolver } from './calendar-feed/calendar-feed.resolver';
import { CalendarFeedService } from './calendar-feed/calendar-feed.service';
import { ClientExportRepository } from './client-export/client-export.repository';
import { ClientChartRepository } from './client-chart/client-chart.repository';
import { ClientChartResolver } from './client-chart/client-chart.resolver';
import { OnlineBookingResolver } from './online-booking/online-booking.resolver';
import { OnlineBookingService } from './online-booking/online-booking.service';
import { WaitlistRepository } from './waitlist/waitlist.repository';
import { WaitlistResolver } from './waitlist/waitlist.resolver';
import { WaitlistService } from './waitlist/waitlist.service';
import { SeriesRepository } from './series/series.repository';
import { SeriesResolver } from './series/series.resolver';
import { SeriesService } from './series/series.service';
import { TelehealthMeetings } from './telehealth/telehealth-meetings';
import { createVideoProvider } from './telehealth/video-provider';
import { SchedulingPolicyRepository } from './scheduling-policy/scheduling-policy.repository';
import { SchedulingPolicyResolver } from './scheduling-policy/scheduling-policy.resolver';
import { ReminderSettingsRepository } from './reminder-settings/reminder-settings.repository';
import { ReminderSettingsResolver } from './reminder-settings/reminder-settings.resolver';
import { ReminderDeliveryLogRepository } from './reminder-settings/reminder-delivery.repository';
import { ReminderDeliveriesResolver } from './reminder-settings/reminder-deliveries.resolver';
import { ReminderDeliveryStatusResolver } from './reminder-settings/reminder-delivery-status.resolver';
import { ReminderDeliveryStatusService } from './reminder-settings/reminder-delivery-status.service';

/** This domain's section of a client's data export (server-kit client-export.ts). */
const exportSection = clientExportSection({
  field: 'appointments',
  entityType: 'Appointment',
  description: 'Every appointment of the client, past and future, with its status.',
});

const waitlistExportSection = clientExportSection({
  field: 'waitlist',
  entityType: 'WaitlistEntry',
  description: 'The client’s waitlist entries and the times offered to them.',
}, exportSection);

export const appointmentsSubgraph: SubgraphDefinition = {
  name: 'appointments',
  orphanedTypes: [ClientRef, StaffUserRef, exportSection.type],
  resolvers: (deps) => [
    new AppointmentResolver(appointmentService(deps), catalogService(deps)),
    new AppointmentChangesResolver(appointmentService(deps)),
    new CatalogResolver(catalogService(deps)),
    new ClientChartResolver(new ClientChartRepository(deps.prisma)),
    new ClinicianHoursResolver(new ClinicianHoursService(new ClinicianHoursRepository(deps.prisma))),
    new SchedulingPolicyResolver(new SchedulingPolicyRepository(deps.prisma)),
    new ReminderSettingsResolver(new ReminderSettingsRepository(deps.prisma), lazyQueue(deps, createReminderReplansQueue)),
    new ReminderDeliveriesResolver(new ReminderDeliveryLogRepository(deps.prisma)),
    new ReminderDeliveryStatusResolver(new ReminderDeliveryStatusService(new ReminderDeliveryLogRepository(deps.prisma))),
    new AvailabilityResolver(availabilityService(deps)),
    new WaitlistResolver(new WaitlistService(new WaitlistRepository(deps.prisma), catalogService(deps), appointmentService(deps), new SlotHolds(deps.redis), waitlistQueue(deps)), catalogService(deps)),
    new SeriesResolver(
      new SeriesService(
        new SeriesRepository(deps.prisma),
        appointmentService(deps),
        new AvailabilityRepository(deps.prisma),
        new SchedulingPolicyRepository(deps.prisma),
        appointmentSideEffects(deps),
        telehealthMeetings(deps),
      ),
    ),
    new OnlineBookingResolver(
      new OnlineBookingService({
        availability: availabilityService(deps),
        availabilityData: new AvailabilityRepository(deps.prisma),
        hours: new ClinicianHoursRepository(deps.prisma),
        catalog: new CatalogRepository(deps.prisma),
        holds: new SlotHolds(deps.redis),
        appointments: appointmentService(deps),
        redis: deps.redis,
      }),
    ),
    new CalendarConnectionResolver(
      new CalendarConnectionService(
        new CalendarConnectionRepository(deps.prisma),
        createCalendarProvider(),
        deps.cipher,
        deps.redis,
        calendarSyncQueue(deps),
        `${deps.config.webOrigins[0] ?? 'http://localhost:3000'}/account/google-calendar`,
      ),
    ),
    new CalendarFeedResolver(new CalendarFeedService(new CalendarFeedRepository(deps.prisma), { publicApiUrl: deps.config.publicApiUrl, webUrl: deps.config.webOrigins[0] ?? 'http://localhost:3000' })),
    exportSection.resolver((practiceId, clientId) => new ClientExportRepository(deps.prisma).appointments(practiceId, clientId)),
    waitlistExportSection.resolver((practiceId, clientId) => new ClientExportRepository(deps.prisma).waitlist(practiceId, clientId)),
  ],
  referenceResolvers: (deps) => ({ Appointment: appointmentReference(appointmentService(deps)), ...clientExportReference }),
};

type Deps = Parameters<SubgraphDefinition['resolvers']>[0];

const catalogs = new WeakMap<object, CatalogService>();
function catalogService(deps: Deps): CatalogService {
  let catalog = catalogs.get(deps);
  if (!catalog) catalogs.set(deps, (catalog = new CatalogService(new CatalogRepository(deps.prisma))));
  return catalog;
}

function availabilityService(deps: Deps): AvailabilityService {
  return new AvailabilityService(
    new AvailabilityRepository(deps.prisma),
    new ClinicianHoursRepository(deps.prisma),
    catalogService(deps),
    new SchedulingPolicyRepository(deps.prisma),
    new SlotHolds(deps.redis),
    new CalendarConnectionRepository(deps.prisma),
  );
}

const sideEffects = new WeakMap<object, AppointmentSideEffects>();

/** One set of side effects (and one connection per queue) per set of dependencies. */
function appointmentSideEffects(deps: Deps): AppointmentSideEffects {
  let effects = sideEffects.get(deps);
  if (!effects) {
    sideEffects.set(deps, (effects = createAppointmentSideEffects({ queue: lazyQueue(deps, (url) => createRemindersQueue(url, undefined, new ReminderPlanSettingsRepository(deps.prisma))), waitlist: waitlistQueue(deps), calendarSync: createCalendarProvider() ? calendarSyncQueue(deps) : undefined, redis: deps.redis, log: deps.log })));
  }
  return effects;
}

/** Queues connect on first use, so building the schema (npm run compose) needs no Redis. */
function lazyQueue<Q extends { close(): Promise<void> }>(deps: Deps, create: (redisUrl: string) => Q): () => Q {
  let queue: Q | undefined;
  return () => {
    if (!queue) {
      const created = create(deps.config.redisUrl);
      deps.onClose(() => created.close());
      queue = created;
    }
    return queue;
  };
}

const calendarSyncQueues = new WeakMap<object, () => CalendarSyncQueue>();
function calendarSyncQueue(deps: Deps): () => CalendarSyncQueue {
  let queue = calendarSyncQueues.get(deps);
  if (!queue) calendarSyncQueues.set(deps, (queue = lazyQueue(deps, createCalendarSyncQueue)));
  return queue;
}

const waitlistQueues = new WeakMap<object, () => WaitlistQueue>();
function waitlistQueue(deps: Deps): () => WaitlistQueue {
  let queue = waitlistQueues.get(deps);
  if (!queue) waitlistQueues.set(deps, (queue = lazyQueue(deps, createWaitlistQueue)));
  return queue;
}

const meetings = new WeakMap<object, TelehealthMeetings>();
function telehealthMeetings(deps: Deps): TelehealthMeetings {
  let found = meetings.get(deps);
  if (!found) {
    found = new TelehealthMeetings(createVideoProvider(process.env, deps.log), new AppointmentRepository(deps.prisma), new AvailabilityRepository(deps.prisma), deps.log);
    meetings.set(deps, found);
  }
  return found;
}

const services = new WeakMap<object, AppointmentService>();

function appointmentService(deps: Deps): AppointmentService {
  let service = services.get(deps);
  if (!service) {
    service = new AppointmentService(
      new AppointmentRepository(deps.prisma),
      catalogService(deps),
      new SchedulingPolicyRepository(deps.prisma),
      new BookingRulesRepository(deps.prisma),
      appointmentSideEffects(deps),
      telehealthMeetings(deps),
    );
    services.set(deps, service);
  }
  return service;
}
