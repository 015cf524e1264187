// This domain's section of a client's data-subject export (server-kit client-export.ts).
import { allowedRoles, ExportRecordScalar, requireUser, type ExportRecord, type RequestContext } from '@solace/server-kit';
import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { ClientExportRepository } from './client-export.repository';

@Directive('@key(fields: "clientId")')
@ObjectType('ClientDataExport')
export class ClientDataExportClinicalNotes {
  @Field(() => ID)
  clientId!: string;
}

@Resolver(() => ClientDataExportClinicalNotes)
export class ClientExportSectionResolver {
  constructor(private readonly exports: ClientExportRepository) {}

  @Authorized(...allowedRoles('exportClientData'))
  @FieldResolver(() => [ExportRecordScalar], { description: "Every clinical note about the client's appointments, decrypted, with its signing status." })
  async clinicalNotes(@Root() root: ClientDataExportClinicalNotes, @Ctx() ctx: RequestContext): Promise<ExportRecord[]> {
    const records = await this.exports.clinicalNotes(requireUser(ctx).practiceId, root.clientId);
    ctx.audit?.record('EXPORT', 'ClinicalNote', records.map((record) => String(record.id)));
    return records;
  }
}
