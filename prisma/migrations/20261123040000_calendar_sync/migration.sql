-- CreateEnum
CREATE TYPE "CalendarProviderKind" AS ENUM ('GOOGLE');

-- CreateTable
CREATE TABLE "CalendarConnection" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "provider" "CalendarProviderKind" NOT NULL,
    "externalCalendarId" TEXT NOT NULL DEFAULT 'primary',
    "refreshToken" TEXT NOT NULL,
    "connectedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSyncedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,

    CONSTRAINT "CalendarConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalBusyBlock" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExternalBusyBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalCalendarEvent" (
    "appointmentId" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "connectionId" UUID NOT NULL,
    "externalEventId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExternalCalendarEvent_pkey" PRIMARY KEY ("appointmentId")
);

-- CreateIndex
CREATE INDEX "CalendarConnection_practiceId_idx" ON "CalendarConnection"("practiceId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarConnection_clinicianId_provider_key" ON "CalendarConnection"("clinicianId", "provider");

-- CreateIndex
CREATE INDEX "ExternalBusyBlock_practiceId_clinicianId_startsAt_idx" ON "ExternalBusyBlock"("practiceId", "clinicianId", "startsAt");

-- CreateIndex
CREATE INDEX "ExternalCalendarEvent_connectionId_idx" ON "ExternalCalendarEvent"("connectionId");

-- AddForeignKey
ALTER TABLE "ExternalBusyBlock" ADD CONSTRAINT "ExternalBusyBlock_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CalendarConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalCalendarEvent" ADD CONSTRAINT "ExternalCalendarEvent_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "CalendarConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written.
ALTER TABLE "ExternalBusyBlock" ADD CONSTRAINT "ExternalBusyBlock_ends_after_start" CHECK ("endsAt" > "startsAt");

ALTER TABLE "CalendarConnection" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "CalendarConnection" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "ExternalBusyBlock" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ExternalBusyBlock" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "ExternalCalendarEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ExternalCalendarEvent" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
