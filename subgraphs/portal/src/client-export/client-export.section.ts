// This domain's section of a client's data-subject export (server-kit client-export.ts).
import { allowedRoles, ExportRecordScalar, requireUser, type ExportRecord, type RequestContext } from '@solace/server-kit';
import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { ClientExportRepository } from './client-export.repository';

@Directive('@key(fields: "clientId")')
@ObjectType('ClientDataExport')
export class ClientDataExportMessageThreads {
  @Field(() => ID)
  clientId!: string;
}

@Resolver(() => ClientDataExportMessageThreads)
export class ClientExportSectionResolver {
  constructor(private readonly exports: ClientExportRepository) {}

  @Authorized(...allowedRoles('exportClientData'))
  @FieldResolver(() => [ExportRecordScalar], { description: 'Every message thread with the client, with its messages decrypted.' })
  async messageThreads(@Root() root: ClientDataExportMessageThreads, @Ctx() ctx: RequestContext): Promise<ExportRecord[]> {
    const records = await this.exports.messageThreads(requireUser(ctx).practiceId, root.clientId);
    ctx.audit?.record('EXPORT', 'Thread', records.map((record) => String(record.id)));
    return records;
  }
}
