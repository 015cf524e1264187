-- CreateEnum
CREATE TYPE "ReminderDeliveryStatus" AS ENUM ('SENT', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "appointmentId" UUID NOT NULL,
    "channel" "ReminderChannel" NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "appointmentStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "ReminderDeliveryStatus" NOT NULL,
    "reason" TEXT,
    "errorCode" TEXT,
    "providerCode" TEXT,
    "providerMessageId" TEXT,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReminderDelivery_practiceId_appointmentId_attemptedAt_idx" ON "ReminderDelivery"("practiceId", "appointmentId", "attemptedAt");


-- One SENT row per planned reminder (appointment, channel, offset, planned start): a retried or
-- duplicated job finds it and sends nothing more.
CREATE UNIQUE INDEX "ReminderDelivery_sent_once" ON "ReminderDelivery"("appointmentId", "channel", "offsetMinutes", "appointmentStartsAt") WHERE "status" = 'SENT';

-- Row-level security (README, "Tenancy, twice").
ALTER TABLE "ReminderDelivery" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ReminderDelivery" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
