-- SMS consent history, hardened: an erased client's number is removed from it too, and one inbound
-- text (MessageSid) changes each client at most once, so a replayed signed webhook does nothing.
ALTER TABLE "SmsConsentEvent" ALTER COLUMN "phone" DROP NOT NULL;
CREATE UNIQUE INDEX "SmsConsentEvent_providerMessageId_clientId_key" ON "SmsConsentEvent"("providerMessageId", "clientId");
