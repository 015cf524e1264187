-- Issue 5 foundation: what every part of clinical documentation builds on (types, review and amendment
-- statuses, template version, structured content, diagnoses, optimistic locking, signing columns).

-- CreateEnum
CREATE TYPE "NoteType" AS ENUM ('SOAP', 'PROGRESS', 'INTAKE_ASSESSMENT', 'PSYCHIATRIC_EVALUATION', 'TREATMENT_PLAN', 'SAFETY_PLAN', 'DISCHARGE_SUMMARY', 'CRISIS_INTERVENTION');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NoteStatus" ADD VALUE 'IN_REVIEW';
ALTER TYPE "NoteStatus" ADD VALUE 'AMENDED';

-- AlterTable
ALTER TABLE "ClinicalNote" ADD COLUMN     "clientId" UUID,
ADD COLUMN     "content" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "diagnosisCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "noteType" "NoteType" NOT NULL DEFAULT 'PROGRESS',
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "serviceDate" TIMESTAMPTZ(3),
ADD COLUMN     "signedAt" TIMESTAMPTZ(3),
ADD COLUMN     "signedById" UUID,
ADD COLUMN     "submittedAt" TIMESTAMPTZ(3),
ADD COLUMN     "templateVersionId" UUID;

-- Hand-written: existing notes take client and date from their appointment, then both are required.
UPDATE "ClinicalNote" n SET "clientId" = a."clientId", "serviceDate" = a."startsAt" FROM "Appointment" a WHERE a."id" = n."appointmentId";
ALTER TABLE "ClinicalNote" ALTER COLUMN "clientId" SET NOT NULL, ALTER COLUMN "serviceDate" SET NOT NULL;
-- Notes signed before signatures were recorded: their author signed them when they were last saved.
UPDATE "ClinicalNote" SET "signedAt" = "updatedAt", "signedById" = "authorId" WHERE "status" = 'SIGNED';

-- CreateIndex
CREATE INDEX "ClinicalNote_practiceId_clientId_serviceDate_idx" ON "ClinicalNote"("practiceId", "clientId", "serviceDate");

-- CreateIndex
CREATE INDEX "ClinicalNote_practiceId_status_serviceDate_idx" ON "ClinicalNote"("practiceId", "status", "serviceDate");

