import { SystemCallerOnly, type RequestContext } from '@solace/server-kit';
import { Arg, Ctx, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import type { ReminderDeliveryStatusService } from './reminder-delivery-status.service';
import { SmsDeliveryReceipt } from './reminder-delivery.type';

@Resolver()
export class ReminderDeliveryStatusResolver {
  constructor(private readonly service: ReminderDeliveryStatusService) {}

  // Router-internal: only the router's Twilio webhook, after verifying X-Twilio-Signature, may call it.
  @UseMiddleware(SystemCallerOnly('twilio-webhook'))
  @Mutation(() => SmsDeliveryReceipt, { description: 'Router-internal (Twilio webhook): records a status callback on the reminder sent as messageSid. Refused to every token.' })
  recordSmsDeliveryStatus(
    @Arg('messageSid', () => String) messageSid: string,
    @Arg('messageStatus', () => String, { description: 'Twilio’s MessageStatus: queued, sending, sent, delivered, undelivered, failed...' }) messageStatus: string,
    @Arg('errorCode', () => String, { nullable: true, description: 'Twilio’s ErrorCode, with undelivered and failed.' }) errorCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SmsDeliveryReceipt> {
    ctx.log.info({ messageSid, messageStatus, errorCode }, 'Twilio status callback');
    return this.service.record({ messageSid, messageStatus, errorCode });
  }
}
