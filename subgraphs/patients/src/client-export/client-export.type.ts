import { ExportRecordScalar, type ExportRecord } from '@solace/server-kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "clientId")')
@ObjectType('ClientDataExport', {
  description: "Every record the practice holds about one client, gathered from all domains (data-subject access). Each domain adds its section.",
})
export class ClientDataExport {
  @Field(() => ID)
  clientId!: string;

  @Field(() => Date)
  exportedAt!: Date;

  @Field(() => ExportRecordScalar, { description: 'The client record: demographics, contact details, status.' })
  client!: ExportRecord;

  @Field(() => [ExportRecordScalar], { description: 'Insurance policies (member ids decrypted).' })
  insurances!: ExportRecord[];

  @Field(() => [ExportRecordScalar], { description: 'Parents and guardians on record.' })
  guardians!: ExportRecord[];

  @Field(() => [ExportRecordScalar], { description: 'Consents signed, revoked ones included.' })
  consents!: ExportRecord[];

  @Field(() => [ExportRecordScalar], { description: 'Documents on file (what and when; the files themselves through the chart).' })
  documents!: ExportRecord[];
}
