// This domain's section of a client's data-subject export (server-kit client-export.ts).
import { allowedRoles, ExportRecordScalar, requireUser, type ExportRecord, type RequestContext } from '@solace/server-kit';
import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { ClientExportRepository } from './client-export.repository';

@Directive('@key(fields: "clientId")')
@ObjectType('ClientDataExport')
export class ClientDataExportAppointments {
  @Field(() => ID)
  clientId!: string;
}

@Resolver(() => ClientDataExportAppointments)
export class ClientExportSectionResolver {
  constructor(private readonly exports: ClientExportRepository) {}

  @Authorized(...allowedRoles('exportClientData'))
  @FieldResolver(() => [ExportRecordScalar], { description: 'Every appointment of the client, past and future, with its status.' })
  async appointments(@Root() root: ClientDataExportAppointments, @Ctx() ctx: RequestContext): Promise<ExportRecord[]> {
    const records = await this.exports.appointments(requireUser(ctx).practiceId, root.clientId);
    ctx.audit?.record('EXPORT', 'Appointment', records.map((record) => String(record.id)));
    return records;
  }
}
