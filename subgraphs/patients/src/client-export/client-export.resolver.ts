import { allowedRoles, exportRecord, notFound, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { ClientExportRepository } from './client-export.repository';
import { ClientDataExport } from './client-export.type';

const day = (date: Date) => date.toISOString().slice(0, 10);

@Resolver(() => ClientDataExport)
export class ClientExportResolver {
  constructor(private readonly exports: ClientExportRepository) {}

  @Authorized(...allowedRoles('exportClientData'))
  @Query(() => ClientDataExport, { description: "Admins: everything held about a client, across all domains, as one document (select every section)." })
  async exportClientData(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: RequestContext): Promise<ClientDataExport> {
    const user = requireUser(ctx, allowedRoles('exportClientData'));
    const client = await this.exports.findForExport(user.practiceId, clientId);
    if (!client) throw notFound('Client', clientId);
    const related = await this.exports.findRelatedForExport(user.practiceId, clientId);
    ctx.audit?.record('EXPORT', 'Client', clientId);
    ctx.audit?.record('EXPORT', 'ClientInsurance', related.insurances.map((row) => row.id));
    ctx.audit?.record('EXPORT', 'ClientGuardian', related.guardians.map((row) => row.id));
    ctx.audit?.record('EXPORT', 'ClientConsent', related.consents.map((row) => row.id));
    ctx.audit?.record('EXPORT', 'ClientDocument', related.documents.map((row) => row.id));
    const dates = (row: { subscriberDateOfBirth: Date | null; effectiveOn: Date | null; terminatesOn: Date | null }) => ({
      subscriberDateOfBirth: row.subscriberDateOfBirth && day(row.subscriberDateOfBirth),
      effectiveOn: row.effectiveOn && day(row.effectiveOn),
      terminatesOn: row.terminatesOn && day(row.terminatesOn),
    });
    return {
      clientId,
      exportedAt: new Date(),
      client: exportRecord({ ...client, dateOfBirth: day(client.dateOfBirth), dischargedOn: client.dischargedOn && day(client.dischargedOn) }),
      insurances: related.insurances.map((row) => exportRecord({ ...row, ...dates(row) })),
      guardians: related.guardians.map(exportRecord),
      consents: related.consents.map(exportRecord),
      documents: related.documents.map(exportRecord),
    };
  }
}
