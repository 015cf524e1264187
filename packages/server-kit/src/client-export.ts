// Data-subject export (issue 3 §8): `exportClientData(clientId)` in the patients subgraph returns a
// ClientDataExport entity, and every subgraph that holds the client's records contributes its
// section as a field of that entity, so one GraphQL document gathers everything and each domain
// still reads only its own tables. Sections are admin-only (their field resolvers authorize) and
// record an EXPORT audit event per record they disclose.
import { GraphQLJSONObject } from 'graphql-scalars';
import { Authorized, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { allowedRoles } from './auth/role-matrix';
import { requireUser, type RequestContext } from './context';

export { GraphQLJSONObject as ExportRecordScalar };

/** The entity's reference resolver: sections need only the key; their fields authorize. */
export const clientExportReference = {
  ClientDataExport: { __resolveReference: (reference: { clientId: string }) => ({ clientId: reference.clientId }) },
};

export type ExportRecord = Record<string, unknown>;

/** A record as plain JSON: dates as ISO strings, bytes and big integers as strings. */
export function exportRecord(row: object): ExportRecord {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? value.toString() : value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value,
    ]),
  );
}

export interface ClientExportSectionSpec {
  /** The field this domain adds to ClientDataExport, e.g. `charges`. */
  field: string;
  /** The audited entity type of each record, e.g. `Charge`. */
  entityType: string;
  description: string;
}

/** The client's records in one domain (each with an `id`), read in the caller's practice. */
export type ClientExportLoader = (practiceId: string, clientId: string) => Promise<ExportRecord[]>;

/**
 * A domain's section of the export, declared once per subgraph: `type` goes in `orphanedTypes`,
 * `resolver(load)` among the resolvers. Admin-only; every record returned is audited as EXPORT.
 * A subgraph with several sections passes the first one as `alsoOn` to the others.
 */
export function clientExportSection(spec: ClientExportSectionSpec, alsoOn?: { type: SectionType }) {
  // A second section of the same subgraph adds its field to the first one's type (one type per schema).
  const ClientDataExportSection = alsoOn?.type ?? newSectionType();

  @Resolver(() => ClientDataExportSection)
  class ClientExportSectionResolver {
    constructor(readonly load: ClientExportLoader) {}
  }

  // The field resolver's method is named after the field: type-graphql keys field resolvers of one
  // object type by method name, so two sections must not share one.
  const method = `export_${spec.field}`;
  const resolve = async function (this: ClientExportSectionResolver, root: { clientId: string }, ctx: RequestContext): Promise<ExportRecord[]> {
    const records = await this.load(requireUser(ctx).practiceId, root.clientId);
    ctx.audit?.record('EXPORT', spec.entityType, records.map((record) => String(record.id)));
    return records;
  };
  Object.defineProperty(ClientExportSectionResolver.prototype, method, { value: resolve, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(ClientExportSectionResolver.prototype, method)!;
  Root()(ClientExportSectionResolver.prototype, method, 0);
  Ctx()(ClientExportSectionResolver.prototype, method, 1);
  Authorized(...allowedRoles('exportClientData'))(ClientExportSectionResolver.prototype, method, descriptor);
  FieldResolver(() => [GraphQLJSONObject], { name: spec.field, description: spec.description })(ClientExportSectionResolver.prototype, method, descriptor);

  return { type: ClientDataExportSection, resolver: (load: ClientExportLoader) => new ClientExportSectionResolver(load) };
}

type SectionType = new () => { clientId: string };

function newSectionType(): SectionType {
  @Directive('@key(fields: "clientId")')
  @ObjectType('ClientDataExport')
  class ClientDataExportSection {
    @Field(() => ID)
    clientId!: string;
  }
  return ClientDataExportSection;
}
