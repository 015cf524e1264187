-- CreateEnum
CREATE TYPE "ReminderChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateTable
CREATE TABLE "ReminderSettings" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "channels" "ReminderChannel"[] DEFAULT ARRAY['EMAIL', 'SMS']::"ReminderChannel"[],
    "offsetsMinutes" INTEGER[] DEFAULT ARRAY[2880, 120]::INTEGER[],
    "quietHoursStart" TEXT NOT NULL DEFAULT '21:00',
    "quietHoursEnd" TEXT NOT NULL DEFAULT '08:00',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReminderSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSettings_practiceId_key" ON "ReminderSettings"("practiceId");


-- What Prisma cannot express: the same limits the API validates, so no writer can store a plan the
-- scheduler cannot follow.
ALTER TABLE "ReminderSettings" ALTER COLUMN "channels" SET NOT NULL, ALTER COLUMN "offsetsMinutes" SET NOT NULL;
ALTER TABLE "ReminderSettings" ADD CONSTRAINT "ReminderSettings_offsets_check"
  CHECK (cardinality("offsetsMinutes") BETWEEN 1 AND 5 AND 15 <= ALL ("offsetsMinutes") AND 20160 >= ALL ("offsetsMinutes"));
ALTER TABLE "ReminderSettings" ADD CONSTRAINT "ReminderSettings_quiet_hours_check"
  CHECK ("quietHoursStart" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND "quietHoursEnd" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');

-- Row-level security (README, "Tenancy, twice").
ALTER TABLE "ReminderSettings" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ReminderSettings" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
