// Text reminders as Twilio reported them: the delivery status of a sent text and what a carrier
// error means, in plain words for the front desk (Twilio's error dictionary, 30xxx and 21xxx codes).
export const sms = {
  deliveryStatus: {
    QUEUED: 'Waiting to go out',
    SENDING: 'Sending',
    SENT: 'Sent to the carrier',
    DELIVERED: 'Delivered',
    UNDELIVERED: 'Undelivered',
    FAILED: 'Not sent',
  } as Record<string, string>,
  /** Shown beside Undelivered or Not sent. */
  errors: {
    '30003': 'the phone was switched off or out of reach',
    '30004': 'the client’s phone or carrier blocks these texts',
    '30005': 'the number does not exist or is no longer in service',
    '30006': 'the number is a landline or cannot receive texts',
    '30007': 'the carrier filtered it as unwanted',
    '30008': 'the carrier gave no reason',
    '30034': 'the practice’s texting number is not yet registered with carriers',
    '21610': 'the client replied STOP, so texts are switched off',
    '21211': 'the phone number is not valid',
    '21614': 'the number is not a mobile number',
  } as Record<string, string>,
  unknownError: (code: string) => `carrier error ${code}`,
  updatedAt: (when: string) => `as of ${when}`,
};
