import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ClientDocumentKind = {
  INSURANCE_CARD_FRONT: 'INSURANCE_CARD_FRONT',
  INSURANCE_CARD_BACK: 'INSURANCE_CARD_BACK',
  CONSENT_FORM: 'CONSENT_FORM',
  OTHER: 'OTHER',
} as const;
export type ClientDocumentKind = (typeof ClientDocumentKind)[keyof typeof ClientDocumentKind];
registerEnumType(ClientDocumentKind, { name: 'ClientDocumentKind' });

@ObjectType({ description: 'A file about a client (insurance card photo, signed form…), kept in object storage.' })
export class ClientDocument {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => ClientDocumentKind)
  kind!: ClientDocumentKind;

  @Field(() => String)
  filename!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: 'A presigned GET URL, valid for 5 minutes from this read; null until the upload is confirmed.' })
  downloadUrl!: string | null;
}

@ObjectType({ description: 'Where to PUT the file: send it with the same Content-Type before expiresAt, then confirmClientDocument.' })
export class ClientDocumentUpload {
  @Field(() => ClientDocument)
  document!: ClientDocument;

  @Field(() => String)
  uploadUrl!: string;

  @Field(() => Date)
  expiresAt!: Date;
}
