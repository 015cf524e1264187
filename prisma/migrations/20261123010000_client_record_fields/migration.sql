-- CreateEnum
CREATE TYPE "SexAssignedAtBirth" AS ENUM ('FEMALE', 'MALE', 'INTERSEX', 'UNKNOWN', 'DECLINED_TO_ANSWER');

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "addressCity" TEXT,
ADD COLUMN     "addressLine1" TEXT,
ADD COLUMN     "addressLine2" TEXT,
ADD COLUMN     "addressPostalCode" TEXT,
ADD COLUMN     "addressState" TEXT,
ADD COLUMN     "dischargedOn" DATE,
ADD COLUMN     "emergencyContactName" TEXT,
ADD COLUMN     "emergencyContactPhone" TEXT,
ADD COLUMN     "emergencyContactRelationship" TEXT,
ADD COLUMN     "genderIdentity" TEXT,
ADD COLUMN     "preferredName" TEXT,
ADD COLUMN     "pronouns" TEXT,
ADD COLUMN     "referringProviderName" TEXT,
ADD COLUMN     "referringProviderNpi" TEXT,
ADD COLUMN     "referringProviderPhone" TEXT,
ADD COLUMN     "reminderEmail" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reminderSms" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sexAssignedAtBirth" "SexAssignedAtBirth",
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Client_tags_idx" ON "Client" USING GIN ("tags");


-- Hand-written: a discharge date belongs to a discharged client only; NPIs are 10 digits.
ALTER TABLE "Client" ADD CONSTRAINT "Client_dischargedOn_status_check" CHECK ("dischargedOn" IS NULL OR "status" = 'DISCHARGED');
ALTER TABLE "Client" ADD CONSTRAINT "Client_referringProviderNpi_check" CHECK ("referringProviderNpi" IS NULL OR "referringProviderNpi" ~ '^[0-9]{10}$');
