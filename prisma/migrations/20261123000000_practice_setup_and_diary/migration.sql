-- CreateEnum
CREATE TYPE "Modality" AS ENUM ('IN_PERSON', 'TELEHEALTH');

-- CreateEnum
CREATE TYPE "CancelReason" AS ENUM ('CLIENT_REQUEST', 'CLIENT_ILLNESS', 'CLINICIAN_UNAVAILABLE', 'WEATHER_OR_EMERGENCY', 'SCHEDULING_ERROR', 'OTHER');

-- CreateEnum
CREATE TYPE "BookingChannel" AS ENUM ('STAFF', 'ONLINE', 'WAITLIST');

-- CreateEnum
CREATE TYPE "AvailabilityExceptionKind" AS ENUM ('TIME_OFF', 'EXTRA_HOURS');

-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "bookedVia" "BookingChannel" NOT NULL DEFAULT 'STAFF',
ADD COLUMN     "cancelNote" TEXT,
ADD COLUMN     "cancelReason" "CancelReason",
ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3),
ADD COLUMN     "checkedInAt" TIMESTAMPTZ(3),
ADD COLUMN     "lateCancel" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "meetingExternalId" TEXT,
ADD COLUMN     "meetingHostUrl" TEXT,
ADD COLUMN     "meetingJoinUrl" TEXT,
ADD COLUMN     "modality" "Modality" NOT NULL DEFAULT 'IN_PERSON',
ADD COLUMN     "roomId" UUID,
ADD COLUMN     "seriesId" UUID,
ADD COLUMN     "seriesIndex" INTEGER,
ADD COLUMN     "serviceId" UUID;

-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "cptCode" TEXT,
    "priceCents" INTEGER NOT NULL,
    "bookableOnline" BOOLEAN NOT NULL DEFAULT false,
    "modalities" "Modality"[] DEFAULT ARRAY['IN_PERSON', 'TELEHEALTH']::"Modality"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Room" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Room_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkingHours" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,

    CONSTRAINT "WorkingHours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilityException" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "kind" "AvailabilityExceptionKind" NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "label" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AvailabilityException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchedulingPolicy" (
    "practiceId" UUID NOT NULL,
    "lateCancelHours" INTEGER NOT NULL DEFAULT 24,
    "minimumNoticeHours" INTEGER NOT NULL DEFAULT 24,
    "bookingHorizonDays" INTEGER NOT NULL DEFAULT 60,
    "slotStepMinutes" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SchedulingPolicy_pkey" PRIMARY KEY ("practiceId")
);

-- CreateTable
CREATE TABLE "AppointmentSeries" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "clinicianId" UUID NOT NULL,
    "serviceId" UUID,
    "roomId" UUID,
    "modality" "Modality" NOT NULL DEFAULT 'IN_PERSON',
    "rrule" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "firstStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppointmentSeries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Service_practiceId_name_key" ON "Service"("practiceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Room_practiceId_name_key" ON "Room"("practiceId", "name");

-- CreateIndex
CREATE INDEX "WorkingHours_practiceId_clinicianId_idx" ON "WorkingHours"("practiceId", "clinicianId");

-- CreateIndex
CREATE INDEX "AvailabilityException_practiceId_clinicianId_startsAt_idx" ON "AvailabilityException"("practiceId", "clinicianId", "startsAt");

-- CreateIndex
CREATE INDEX "AppointmentSeries_practiceId_clientId_idx" ON "AppointmentSeries"("practiceId", "clientId");

-- CreateIndex
CREATE INDEX "Appointment_seriesId_seriesIndex_idx" ON "Appointment"("seriesId", "seriesIndex");

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "AppointmentSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentSeries" ADD CONSTRAINT "AppointmentSeries_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentSeries" ADD CONSTRAINT "AppointmentSeries_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: rules Prisma cannot express.

ALTER TABLE "Service" ADD CONSTRAINT "Service_duration_range" CHECK ("durationMinutes" BETWEEN 5 AND 720);
ALTER TABLE "Service" ADD CONSTRAINT "Service_price_not_negative" CHECK ("priceCents" >= 0);
ALTER TABLE "WorkingHours" ADD CONSTRAINT "WorkingHours_weekday_iso" CHECK ("weekday" BETWEEN 1 AND 7);
ALTER TABLE "WorkingHours" ADD CONSTRAINT "WorkingHours_block" CHECK ("startMinute" >= 0 AND "endMinute" <= 1440 AND "endMinute" > "startMinute");
ALTER TABLE "AvailabilityException" ADD CONSTRAINT "AvailabilityException_ends_after_start" CHECK ("endsAt" > "startsAt");
ALTER TABLE "SchedulingPolicy" ADD CONSTRAINT "SchedulingPolicy_ranges" CHECK (
  "lateCancelHours" BETWEEN 0 AND 168 AND "minimumNoticeHours" BETWEEN 0 AND 720
  AND "bookingHorizonDays" BETWEEN 1 AND 365 AND "slotStepMinutes" IN (5, 10, 15, 20, 30, 60));

-- A room and a client, like a clinician, can be in one place at a time. Same statuses as the
-- clinician constraint: cancelled and no-show visits free the time.
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_no_room_overlap"
  EXCLUDE USING gist ("practiceId" WITH =, "roomId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("roomId" IS NOT NULL AND "status" IN ('SCHEDULED', 'CHECKED_IN', 'COMPLETED'));

ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_no_client_overlap"
  EXCLUDE USING gist ("practiceId" WITH =, "clientId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("status" IN ('SCHEDULED', 'CHECKED_IN', 'COMPLETED'));

-- Row-level security for the new practice-owned tables (see 20261122060000_row_level_security).
ALTER TABLE "Service" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "Service" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "Room" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "Room" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "WorkingHours" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "WorkingHours" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "AvailabilityException" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "AvailabilityException" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "SchedulingPolicy" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "SchedulingPolicy" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "AppointmentSeries" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "AppointmentSeries" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
