import { IsDate, IsIn, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ConsentKind } from './client-consent.type';

@InputType()
export class ClientConsentInput {
  @Field(() => ConsentKind)
  @IsIn(Object.values(ConsentKind))
  kind!: ConsentKind;

  @Field(() => Date, { description: 'When it was signed (not in the future). Informed consent expires a year later.' })
  @IsDate()
  signedAt!: Date;

  @Field(() => String, { description: 'Who signed: the client or, for a minor, the guardian.' })
  @Length(1, 200)
  signedByName!: string;
}
