import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export const SmsKeywordAction = { OPT_OUT: 'OPT_OUT', OPT_IN: 'OPT_IN', HELP: 'HELP', NONE: 'NONE' } as const;
export type SmsKeywordAction = (typeof SmsKeywordAction)[keyof typeof SmsKeywordAction];
registerEnumType(SmsKeywordAction, { name: 'SmsKeywordAction', description: 'What an inbound text asked for, by Twilio’s standard keywords (STOP…, START…, HELP); NONE for anything else.' });

export const SmsConsentSource = { INBOUND_KEYWORD: 'INBOUND_KEYWORD', UNSUBSCRIBED_ERROR: 'UNSUBSCRIBED_ERROR' } as const;
export type SmsConsentSource = (typeof SmsConsentSource)[keyof typeof SmsConsentSource];
registerEnumType(SmsConsentSource, { name: 'SmsConsentSource', description: 'INBOUND_KEYWORD: the client texted STOP or START; UNSUBSCRIBED_ERROR: Twilio refused a reminder because the number had opted out (21610).' });

@ObjectType({ description: 'What Solace did with an inbound text (router-internal: the Twilio webhook).' })
export class InboundSmsReceipt {
  @Field(() => SmsKeywordAction)
  action!: SmsKeywordAction;

  @Field(() => Int, { description: 'Clients whose text reminders were switched, across every practice with a client at the number.' })
  clientsChanged!: number;
}

@ObjectType({ description: 'A change Solace made to a client’s text reminders on the carrier’s word (never a staff edit).' })
export class SmsConsentEvent {
  @Field(() => Boolean, { description: 'true: text reminders switched back on; false: switched off.' })
  optedIn!: boolean;

  @Field(() => SmsConsentSource)
  source!: SmsConsentSource;

  @Field(() => String, { nullable: true, description: 'The word the client texted (STOP, UNSUBSCRIBE, START...).' })
  keyword!: string | null;

  @Field(() => Date)
  occurredAt!: Date;
}
