import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A passkey (WebAuthn credential) a staff member signs in with instead of password and code.' })
export class Passkey {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The name its owner gave it, e.g. "MacBook Touch ID".' })
  name!: string;

  @Field(() => Boolean, { description: 'Synced to other devices by the platform (a multi-device passkey).' })
  backedUp!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType({ description: 'WebAuthn options for the browser (pass optionsJson to @simplewebauthn/browser), valid five minutes, single use.' })
export class PasskeyChallenge {
  @Field(() => String, { description: 'Send back with the response.' })
  challengeId!: string;

  @Field(() => String, { description: 'PublicKeyCredentialCreationOptionsJSON or PublicKeyCredentialRequestOptionsJSON.' })
  optionsJson!: string;
}
