// Treatment plans, safety plans, the risk flag and outcome measures (issue 5, point 4), wired for
// the notes subgraph's index.ts.
import type { SubgraphDeps } from '@solace/server-kit';
import { MeasureRepository } from './measures/measure.repository';
import { MeasureResolver } from './measures/measure.resolver';
import { MeasureService } from './measures/measure.service';
import { RiskFlagRepository } from './risk-flags/risk-flag.repository';
import { RiskFlagResolver } from './risk-flags/risk-flag.resolver';
import { RiskFlagService } from './risk-flags/risk-flag.service';
import { SafetyPlanRepository } from './safety-plans/safety-plan.repository';
import { SafetyPlanResolver } from './safety-plans/safety-plan.resolver';
import { SafetyPlanService } from './safety-plans/safety-plan.service';
import { TreatmentPlanRepository } from './treatment-plans/treatment-plan.repository';
import { TreatmentPlanResolver } from './treatment-plans/treatment-plan.resolver';
import { TreatmentPlanService } from './treatment-plans/treatment-plan.service';

export function clinicalPlanResolvers({ prisma, cipher }: Pick<SubgraphDeps, 'prisma' | 'cipher'>): object[] {
  return [
    new TreatmentPlanResolver(new TreatmentPlanService(new TreatmentPlanRepository(prisma, cipher))),
    new SafetyPlanResolver(new SafetyPlanService(new SafetyPlanRepository(prisma, cipher))),
    new RiskFlagResolver(new RiskFlagService(new RiskFlagRepository(prisma, cipher))),
    new MeasureResolver(new MeasureService(new MeasureRepository(prisma))),
  ];
}
