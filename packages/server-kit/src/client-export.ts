// Data-subject export (issue 3 §8): `exportClientData(clientId)` in the patients subgraph returns a
// ClientDataExport entity, and every subgraph that holds the client's records contributes its
// section as a field of that entity, so one GraphQL document gathers everything and each domain
// still reads only its own tables. Sections are admin-only (their field resolvers authorize) and
// record an EXPORT audit event per record they disclose.
import { GraphQLJSONObject } from 'graphql-scalars';

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
