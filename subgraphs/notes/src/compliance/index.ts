// The compliance API (rules and alerts) for the notes subgraph; the engine lives in workers/src/compliance.
import type { SubgraphDeps } from '@solace/server-kit';
import { resolveNoteAlertsOnSigning } from './compliance-note-signed';
import { ComplianceAlertRepository, ComplianceRulesRepository } from './compliance.repository';
import { ComplianceAlertResolver, ComplianceRulesResolver } from './compliance.resolver';
import { ComplianceAlertService, ComplianceRulesService } from './compliance.service';
import type { SupervisionRepository } from '../supervision/supervision.repository';

export function complianceResolvers(prisma: SubgraphDeps['prisma'], supervision: SupervisionRepository) {
  return [new ComplianceRulesResolver(new ComplianceRulesService(new ComplianceRulesRepository(prisma))), new ComplianceAlertResolver(new ComplianceAlertService(new ComplianceAlertRepository(prisma), supervision))];
}

/** A note is due on the practice's supervisor-alert day (7 under the Georgia defaults). */
export const complianceNoteDueDays = (prisma: SubgraphDeps['prisma']) => {
  const rules = new ComplianceRulesRepository(prisma);
  return async (practiceId: string) => (await rules.findOrCreate(practiceId)).noteSupervisorAlertDay;
};

export const complianceNoteSignedListener = (prisma: SubgraphDeps['prisma']) => resolveNoteAlertsOnSigning(new ComplianceAlertRepository(prisma));
