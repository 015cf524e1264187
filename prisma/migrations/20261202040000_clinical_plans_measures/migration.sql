-- Issue 5 point 4: treatment plans (with reviews), the client risk flag, Stanley–Brown safety plans and
-- PHQ-9/GAD-7 responses. Clinical free text is encrypted by the application (FieldCipher).
-- CreateEnum
CREATE TYPE "TreatmentPlanStatus" AS ENUM ('DRAFT', 'ACTIVE', 'COMPLETED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MODERATE', 'HIGH');

-- CreateEnum
CREATE TYPE "MeasureInstrument" AS ENUM ('PHQ9', 'GAD7');

-- CreateEnum
CREATE TYPE "MeasureSource" AS ENUM ('STAFF', 'CLIENT_PORTAL');

-- CreateTable
CREATE TABLE "TreatmentPlan" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "TreatmentPlanStatus" NOT NULL DEFAULT 'DRAFT',
    "content" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "previousVersionId" UUID,
    "signedById" UUID,
    "signedAt" TIMESTAMPTZ(3),
    "lastReviewedAt" TIMESTAMPTZ(3),
    "reviewDueAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TreatmentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentPlanReview" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedById" UUID NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TreatmentPlanReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientRiskFlag" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "level" "RiskLevel" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "flaggedById" UUID NOT NULL,
    "flaggedAt" TIMESTAMPTZ(3) NOT NULL,
    "clearedById" UUID,
    "clearedAt" TIMESTAMPTZ(3),
    "clearReason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ClientRiskFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SafetyPlan" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMPTZ(3),

    CONSTRAINT "SafetyPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureResponse" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "instrument" "MeasureInstrument" NOT NULL,
    "answers" INTEGER[],
    "totalScore" INTEGER NOT NULL,
    "selfHarmRisk" BOOLEAN NOT NULL DEFAULT false,
    "administeredAt" TIMESTAMPTZ(3) NOT NULL,
    "source" "MeasureSource" NOT NULL DEFAULT 'STAFF',
    "enteredById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TreatmentPlan_practiceId_status_reviewDueAt_idx" ON "TreatmentPlan"("practiceId", "status", "reviewDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentPlan_practiceId_clientId_version_key" ON "TreatmentPlan"("practiceId", "clientId", "version");

-- CreateIndex
CREATE INDEX "TreatmentPlanReview_practiceId_planId_reviewedAt_idx" ON "TreatmentPlanReview"("practiceId", "planId", "reviewedAt");

-- CreateIndex
CREATE INDEX "ClientRiskFlag_practiceId_clientId_flaggedAt_idx" ON "ClientRiskFlag"("practiceId", "clientId", "flaggedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SafetyPlan_practiceId_clientId_version_key" ON "SafetyPlan"("practiceId", "clientId", "version");

-- CreateIndex
CREATE INDEX "MeasureResponse_practiceId_clientId_instrument_administered_idx" ON "MeasureResponse"("practiceId", "clientId", "instrument", "administeredAt");

-- AddForeignKey
ALTER TABLE "TreatmentPlanReview" ADD CONSTRAINT "TreatmentPlanReview_planId_fkey" FOREIGN KEY ("planId") REFERENCES "TreatmentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: one ACTIVE plan, one open risk flag and one current safety plan per client, enforced by
-- the database so concurrent requests cannot make two.
CREATE UNIQUE INDEX "TreatmentPlan_one_active_per_client" ON "TreatmentPlan"("practiceId", "clientId") WHERE "status" = 'ACTIVE';
CREATE UNIQUE INDEX "ClientRiskFlag_one_open_per_client" ON "ClientRiskFlag"("practiceId", "clientId") WHERE "clearedAt" IS NULL;
CREATE UNIQUE INDEX "SafetyPlan_one_current_per_client" ON "SafetyPlan"("practiceId", "clientId") WHERE "supersededAt" IS NULL;

-- Hand-written: answers are 0–3 per item, nine for PHQ-9 and seven for GAD-7.
ALTER TABLE "MeasureResponse" ADD CONSTRAINT "MeasureResponse_answers_valid" CHECK (
  cardinality("answers") = CASE "instrument" WHEN 'PHQ9' THEN 9 WHEN 'GAD7' THEN 7 END
  AND 0 <= ALL ("answers") AND 3 >= ALL ("answers")
);

-- Hand-written: row-level security (scripts/db/README.md).
ALTER TABLE "TreatmentPlan" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "TreatmentPlan" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "TreatmentPlanReview" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "TreatmentPlanReview" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "ClientRiskFlag" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ClientRiskFlag" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "SafetyPlan" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "SafetyPlan" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "MeasureResponse" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "MeasureResponse" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
