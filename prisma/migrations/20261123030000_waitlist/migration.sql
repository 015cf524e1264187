-- CreateEnum
CREATE TYPE "WaitlistStatus" AS ENUM ('ACTIVE', 'BOOKED', 'REMOVED');

-- CreateEnum
CREATE TYPE "WaitlistOfferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'LAPSED');

-- CreateTable
CREATE TABLE "WaitlistEntry" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "preferredClinicianIds" UUID[],
    "preferredWeekdays" INTEGER[],
    "earliestMinute" INTEGER,
    "latestMinute" INTEGER,
    "note" TEXT,
    "status" "WaitlistStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WaitlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitlistOffer" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "holdId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "WaitlistOfferStatus" NOT NULL DEFAULT 'PENDING',
    "appointmentId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WaitlistOffer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WaitlistEntry_practiceId_status_createdAt_idx" ON "WaitlistEntry"("practiceId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistOffer_tokenHash_key" ON "WaitlistOffer"("tokenHash");

-- CreateIndex
CREATE INDEX "WaitlistOffer_practiceId_clinicianId_startsAt_idx" ON "WaitlistOffer"("practiceId", "clinicianId", "startsAt");

-- CreateIndex
CREATE INDEX "WaitlistOffer_entryId_idx" ON "WaitlistOffer"("entryId");

-- AddForeignKey
ALTER TABLE "WaitlistOffer" ADD CONSTRAINT "WaitlistOffer_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "WaitlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written.
ALTER TABLE "WaitlistEntry" ADD CONSTRAINT "WaitlistEntry_time_window" CHECK (
  ("earliestMinute" IS NULL OR "earliestMinute" BETWEEN 0 AND 1440) AND ("latestMinute" IS NULL OR "latestMinute" BETWEEN 0 AND 1440)
  AND ("earliestMinute" IS NULL OR "latestMinute" IS NULL OR "earliestMinute" < "latestMinute"));
-- One open offer per entry at a time: the offer moves on only when it is answered or lapses.
CREATE UNIQUE INDEX "WaitlistOffer_one_pending_per_entry" ON "WaitlistOffer"("entryId") WHERE "status" = 'PENDING';

ALTER TABLE "WaitlistEntry" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "WaitlistEntry" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "WaitlistOffer" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "WaitlistOffer" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
