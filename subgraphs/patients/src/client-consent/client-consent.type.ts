import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export const ConsentKind = { INFORMED_CONSENT: 'INFORMED_CONSENT', TELEHEALTH: 'TELEHEALTH', GUARDIAN: 'GUARDIAN' } as const;
export type ConsentKind = (typeof ConsentKind)[keyof typeof ConsentKind];
registerEnumType(ConsentKind, { name: 'ConsentKind', description: 'Informed consent is renewed yearly; telehealth and guardian consent last until revoked.' });

export const ConsentState = { CURRENT: 'CURRENT', EXPIRING: 'EXPIRING', EXPIRED: 'EXPIRED', MISSING: 'MISSING', REVOKED: 'REVOKED' } as const;
export type ConsentState = (typeof ConsentState)[keyof typeof ConsentState];
registerEnumType(ConsentState, { name: 'ConsentState', description: 'EXPIRING: ends within 30 days.' });

export const GuardianConsentState = { YES: 'YES', NO: 'NO', NOT_NEEDED: 'NOT_NEEDED' } as const;
export type GuardianConsentState = (typeof GuardianConsentState)[keyof typeof GuardianConsentState];
registerEnumType(GuardianConsentState, { name: 'GuardianConsentState', description: 'NOT_NEEDED for adults.' });

@ObjectType({ description: 'A consent the client (or their guardian) signed. Revoked consents are kept.' })
export class ClientConsent {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => ConsentKind)
  kind!: ConsentKind;

  @Field(() => Date)
  signedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Informed consent: one year after signing.' })
  expiresAt!: Date | null;

  @Field(() => String)
  signedByName!: string;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => ConsentState, { description: 'This consent on its own: CURRENT, EXPIRING, EXPIRED or REVOKED.' })
  state!: ConsentState;
}

@ObjectType({ description: 'Whether the client may be seen: what the booking rules check.' })
export class ClientConsentStatus {
  @Field(() => ConsentState, { description: 'CURRENT, EXPIRING (within 30 days), EXPIRED or MISSING.' })
  informedConsent!: ConsentState;

  @Field(() => Date, { nullable: true })
  informedConsentExpiresAt!: Date | null;

  @Field(() => Boolean)
  telehealth!: boolean;

  @Field(() => GuardianConsentState)
  guardian!: GuardianConsentState;
}
