import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What an authenticator app needs: scan the QR code or type the secret.' })
export class MfaEnrollment {
  @Field(() => String)
  secret!: string;

  @Field(() => String)
  otpauthUri!: string;

  @Field(() => String, { description: 'The otpauth URI as an SVG QR code.' })
  qrCodeSvg!: string;
}
