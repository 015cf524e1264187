import { allowedRoles, requireUser, SystemCallerOnly, type RequestContext } from '@solace/server-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { Client } from '../client/client.type';
import type { SmsConsentService } from './sms-consent.service';
import { InboundSmsReceipt, SmsConsentEvent } from './sms-consent.type';

@Resolver(() => Client)
export class SmsConsentResolver {
  constructor(private readonly service: SmsConsentService) {}

  @FieldResolver(() => [SmsConsentEvent], { description: 'Text reminders switched off or on by the client’s own texts (STOP/START) or by the carrier (21610), newest first.' })
  smsConsentHistory(@Root() client: Pick<Client, 'id'>, @Ctx() ctx: RequestContext): Promise<SmsConsentEvent[]> {
    return this.service.history(requireUser(ctx, allowedRoles('client')).practiceId, client.id);
  }

  // Router-internal: only the router's Twilio webhook, after verifying X-Twilio-Signature, may call it.
  @UseMiddleware(SystemCallerOnly('twilio-webhook'))
  @Mutation(() => InboundSmsReceipt, { description: 'Router-internal (Twilio webhook): applies an inbound text’s STOP/START keyword to every client at the sending number. Refused to every token.' })
  recordInboundSms(
    @Arg('from', () => String, { description: 'The sender, E.164.' }) from: string,
    @Arg('body', () => String) body: string,
    @Arg('messageSid', () => String) messageSid: string,
    @Ctx() ctx: RequestContext,
  ): Promise<InboundSmsReceipt> {
    return this.service.recordInbound({ from, body, messageSid }, { requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent });
  }
}
