-- Hand-written. Twilio's side of text reminders: status callbacks on the delivery log, and the
-- clients' STOP/START replies (and 21610 refusals) as an SMS consent history.

-- CreateEnum
CREATE TYPE "SmsDeliveryStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED');

-- CreateEnum
CREATE TYPE "SmsConsentSource" AS ENUM ('INBOUND_KEYWORD', 'UNSUBSCRIBED_ERROR');

-- AlterTable
ALTER TABLE "ReminderDelivery" ADD COLUMN "deliveryStatus" "SmsDeliveryStatus",
ADD COLUMN "deliveryErrorCode" TEXT,
ADD COLUMN "deliveryUpdatedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "SmsConsentEvent" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "phone" TEXT NOT NULL,
    "optedIn" BOOLEAN NOT NULL,
    "source" "SmsConsentSource" NOT NULL,
    "keyword" TEXT,
    "providerMessageId" TEXT,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReminderDelivery_providerMessageId_idx" ON "ReminderDelivery"("providerMessageId");

-- CreateIndex
CREATE INDEX "SmsConsentEvent_practiceId_clientId_occurredAt_idx" ON "SmsConsentEvent"("practiceId", "clientId", "occurredAt");

-- Row-level security (README, "Tenancy, twice").
ALTER TABLE "SmsConsentEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "SmsConsentEvent" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));

-- A phone number as the E.164 digits Solace texts it to (workers toE164): "+44 20 7946 0958" keeps
-- its country code, ten digits are North American (+1), eleven starting with 1 too; anything else
-- cannot be texted, so it matches nothing (NULL).
CREATE FUNCTION solace_phone_e164_digits(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE
      WHEN value IS NULL THEN NULL
      WHEN btrim(value) LIKE '+%' THEN nullif(solace_digits(value), '')
      WHEN length(solace_digits(value)) = 10 THEN '1' || solace_digits(value)
      WHEN length(solace_digits(value)) = 11 AND solace_digits(value) LIKE '1%' THEN solace_digits(value)
      ELSE NULL
    END
  $$;

-- Twilio's webhooks name a phone number or a message, never a practice. These two owner-run
-- functions are the only cross-practice reads they get: they return practice ids (no client data),
-- and the webhook handlers then read and write each practice's rows in that practice's own RLS
-- scope. A phone number opting out (STOP) is a carrier-level fact, so it applies to every practice
-- with a client at that number.
-- The LIKE on the last seven digits lets the trigram index on solace_digits("phone") narrow the scan.
CREATE FUNCTION solace_sms_practices_for_phone(e164_digits text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 4 SET search_path = public, pg_temp
  AS $$
    SELECT DISTINCT c."practiceId" FROM "Client" c
    WHERE e164_digits ~ '^[1-9][0-9]{7,14}$'
      AND solace_digits(c."phone") LIKE '%' || right(e164_digits, 7) || '%'
      AND solace_phone_e164_digits(c."phone") = e164_digits
  $$;

-- The practice whose reminder Twilio reports on (by its MessageSid).
CREATE FUNCTION solace_sms_practices_for_message(message_sid text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 1 SET search_path = public, pg_temp
  AS $$
    SELECT DISTINCT d."practiceId" FROM "ReminderDelivery" d
    WHERE message_sid IS NOT NULL AND d."providerMessageId" = message_sid
  $$;

REVOKE ALL ON FUNCTION solace_sms_practices_for_phone(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION solace_sms_practices_for_message(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION solace_sms_practices_for_phone(text) TO solace_app;
GRANT EXECUTE ON FUNCTION solace_sms_practices_for_message(text) TO solace_app;
