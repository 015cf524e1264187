import { clientExportReference, clientExportSection, type SubgraphDefinition } from '@solace/server-kit';
import { AppointmentChargeRepository } from './appointment-charge/appointment-charge.repository';
import { AppointmentChargeResolver, appointmentChargeReferences } from './appointment-charge/appointment-charge.resolver';
import { BillingHoldRepository } from './billing-hold/billing-hold.repository';
import { BillingHoldService } from './billing-hold/billing-hold.service';
import { AppointmentWithCharge } from './appointment-charge/appointment-charge.type';
import { ChargeRepository } from './charge/charge.repository';
import { billingReferences, ChargeResolver, ClientBalanceResolver } from './charge/charge.resolver';
import { ChargeService } from './charge/charge.service';
import { ClientWithBalance } from './charge/charge.type';
import { ClientExportRepository } from './client-export/client-export.repository';

/** This domain's section of a client's data export (server-kit client-export.ts). */
const exportSection = clientExportSection({
  field: 'charges',
  entityType: 'Charge',
  description: 'Every charge to the client, in cents.',
});

export const billingSubgraph: SubgraphDefinition = {
  name: 'billing',
  // Client and Appointment are reachable only through other subgraphs; list them so their fields are kept.
  orphanedTypes: [ClientWithBalance, AppointmentWithCharge, exportSection.type],
  resolvers: ({ prisma }) => {
    const holds = new BillingHoldService(new BillingHoldRepository(prisma));
    const service = new ChargeService(new ChargeRepository(prisma), holds);
    return [
      new ChargeResolver(service, holds),
      new ClientBalanceResolver(service),
      new AppointmentChargeResolver(new AppointmentChargeRepository(prisma)),
      exportSection.resolver((practiceId, clientId) => new ClientExportRepository(prisma).charges(practiceId, clientId)),
    ];
  },
  referenceResolvers: ({ prisma }) => ({ ...billingReferences(new ChargeService(new ChargeRepository(prisma), new BillingHoldService(new BillingHoldRepository(prisma)))), ...clientExportReference, ...appointmentChargeReferences }),
};
