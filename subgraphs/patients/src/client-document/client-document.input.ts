import { IsIn, IsInt, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ClientDocumentKind } from './client-document.type';

/** What may be stored: scans and photos. Anything else is refused before a URL is signed. */
export const ALLOWED_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

@InputType()
export class ClientDocumentUploadInput {
  @Field(() => ClientDocumentKind)
  @IsIn(Object.values(ClientDocumentKind))
  kind!: ClientDocumentKind;

  @Field(() => String, { description: 'Shown to staff; never part of the storage key.' })
  @Length(1, 200)
  @Matches(/^[^/\\\p{Cc}]+$/u, { message: 'filename may not contain slashes or control characters' })
  filename!: string;

  @Field(() => String, { description: `One of ${ALLOWED_CONTENT_TYPES.join(', ')}.` })
  @IsIn(ALLOWED_CONTENT_TYPES, { message: `contentType must be one of ${ALLOWED_CONTENT_TYPES.join(', ')}` })
  contentType!: string;

  @Field(() => Int, { description: 'Bytes; at most 10 MB.' })
  @IsInt()
  @Min(1)
  @Max(MAX_DOCUMENT_BYTES, { message: 'sizeBytes may be at most 10 MB' })
  sizeBytes!: number;
}
