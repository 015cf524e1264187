import { clientExportReference, type SubgraphDefinition, type SubgraphDeps } from '@solace/server-kit';
import { createClientErasureQueue, enqueueClientErasure, SmsConsentRepository, SmsOptOuts } from '@solace/workers';
import { ClientRepository } from './client/client.repository';
import { ClientResolver, clientReference } from './client/client.resolver';
import { ClientService } from './client/client.service';
import { ClientExportRepository } from './client-export/client-export.repository';
import { ClientExportResolver } from './client-export/client-export.resolver';
import { ClientErasureRepository } from './client-erasure/client-erasure.repository';
import { ClientErasureResolver } from './client-erasure/client-erasure.resolver';
import { ClientErasureService, type ErasureJobs } from './client-erasure/client-erasure.service';
import { ClientConsentRepository } from './client-consent/client-consent.repository';
import { ClientConsentResolver } from './client-consent/client-consent.resolver';
import { ClientConsentService } from './client-consent/client-consent.service';
import { ClientGuardianRepository } from './client-guardian/client-guardian.repository';
import { ClientGuardianResolver } from './client-guardian/client-guardian.resolver';
import { ClientGuardianService } from './client-guardian/client-guardian.service';
import { ClientInsuranceRepository } from './client-insurance/client-insurance.repository';
import { ClientInsuranceResolver } from './client-insurance/client-insurance.resolver';
import { ClientInsuranceService } from './client-insurance/client-insurance.service';
import { ClientSearchRepository } from './client-search/client-search.repository';
import { ClientSearchResolver } from './client-search/client-search.resolver';
import { ClientSearchService } from './client-search/client-search.service';
import { ClientGuard } from './shared/client-guard.repository';
import { ClientDocumentRepository } from './client-document/client-document.repository';
import { ClientDocumentResolver } from './client-document/client-document.resolver';
import { ClientDocumentService } from './client-document/client-document.service';
import { createS3DocumentStorage } from './client-document/document-storage';
import { OnlineBookingDetailsRepository } from './online-booking/online-booking-details.repository';
import { OnlineBookingDetailsResolver } from './online-booking/online-booking-details.resolver';
import { OnlineBookingDetailsService } from './online-booking/online-booking-details.service';
import { SmsConsentResolver } from './sms-consent/sms-consent.resolver';
import { SmsConsentService } from './sms-consent/sms-consent.service';

/** Erasure jobs go through the workers' queue, connected on first use (compose needs no Redis). */
function erasureJobs(deps: SubgraphDeps): ErasureJobs {
  let queue: ReturnType<typeof createClientErasureQueue> | undefined;
  return {
    enqueue: async (job) => {
      if (!queue) {
        const created = createClientErasureQueue(deps.config.redisUrl);
        deps.onClose(() => created.close());
        queue = created;
      }
      await enqueueClientErasure(queue, job);
    },
  };
}

export const patientsSubgraph: SubgraphDefinition = {
  name: 'patients',
  resolvers: (deps) => [
    new ClientResolver(new ClientService(new ClientRepository(deps.prisma))),
    new ClientExportResolver(new ClientExportRepository(deps.prisma, deps.cipher)),
    new ClientErasureResolver(new ClientErasureService(new ClientErasureRepository(deps.prisma), erasureJobs(deps))),
    new OnlineBookingDetailsResolver(new OnlineBookingDetailsService(new OnlineBookingDetailsRepository(deps.prisma), deps.redis)),
    new ClientInsuranceResolver(new ClientInsuranceService(new ClientInsuranceRepository(deps.prisma, deps.cipher), new ClientGuard(deps.prisma))),
    new ClientGuardianResolver(new ClientGuardianService(new ClientGuardianRepository(deps.prisma), new ClientGuard(deps.prisma))),
    new ClientSearchResolver(new ClientSearchService(new ClientSearchRepository(deps.prisma), new ClientRepository(deps.prisma))),
    new ClientDocumentResolver(new ClientDocumentService(new ClientDocumentRepository(deps.prisma), new ClientGuard(deps.prisma), createS3DocumentStorage())),
    new ClientConsentResolver(new ClientConsentService(new ClientConsentRepository(deps.prisma), new ClientGuard(deps.prisma))),
    new SmsConsentResolver(new SmsConsentService(new SmsOptOuts(new SmsConsentRepository(deps.prisma), deps.auditRepository), new SmsConsentRepository(deps.prisma))),
  ],
  referenceResolvers: ({ prisma }) => ({ Client: clientReference(new ClientService(new ClientRepository(prisma))), ...clientExportReference }),
};
