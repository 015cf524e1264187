// Identity's section of a client's data-subject export (server-kit client-export.ts): the portal
// account and the accounting of who accessed the client's record.
import { allowedRoles, ExportRecordScalar, requireUser, type ExportRecord, type RequestContext } from '@solace/server-kit';
import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { ClientExportRepository } from './client-export.repository';

@Directive('@key(fields: "clientId")')
@ObjectType('ClientDataExport')
export class ClientDataExportAccount {
  @Field(() => ID)
  clientId!: string;
}

@Resolver(() => ClientDataExportAccount)
export class ClientExportSectionResolver {
  constructor(private readonly exports: ClientExportRepository) {}

  @Authorized(...allowedRoles('exportClientData'))
  @FieldResolver(() => ExportRecordScalar, { nullable: true, description: "The client's portal account, when they have one." })
  portalAccount(@Root() root: ClientDataExportAccount, @Ctx() ctx: RequestContext): Promise<ExportRecord | null> {
    return this.exports.portalAccount(requireUser(ctx).practiceId, root.clientId);
  }

  @Authorized(...allowedRoles('exportClientData'))
  @FieldResolver(() => [ExportRecordScalar], { description: "Every recorded access to the client's record: when, by whom, what action." })
  accessLog(@Root() root: ClientDataExportAccount, @Ctx() ctx: RequestContext): Promise<ExportRecord[]> {
    return this.exports.accessLog(requireUser(ctx).practiceId, root.clientId);
  }
}
