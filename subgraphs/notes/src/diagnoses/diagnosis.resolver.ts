import { allowedRoles } from '@solace/server-kit';
import { Arg, Authorized, Int, Query, Resolver } from 'type-graphql';
import type { DiagnosisService } from './diagnosis.service';
import { DiagnosisCode } from './diagnosis.type';

@Resolver(() => DiagnosisCode)
export class DiagnosisResolver {
  constructor(private readonly service: DiagnosisService) {}

  @Authorized(...allowedRoles('diagnosisCodes'))
  @Query(() => [DiagnosisCode], { description: 'ICD-10-CM search by code prefix or description words (typos tolerated), best first.' })
  diagnosisCodes(@Arg('search', () => String) search: string, @Arg('limit', () => Int, { defaultValue: 20 }) limit: number) {
    return this.service.search(search.slice(0, 100), Math.min(Math.max(limit, 1), 50));
  }
}
