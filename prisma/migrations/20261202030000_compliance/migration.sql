-- Compliance rules (per practice, Georgia defaults) and the alerts the compliance engine raises.

-- CreateEnum
CREATE TYPE "ComplianceRule" AS ENUM ('NOTE_DOCUMENTATION', 'PLAN_REVIEW', 'SAFETY_PLAN');

-- CreateEnum
CREATE TYPE "ComplianceAlertKind" AS ENUM ('NOTE_OVERDUE_REMINDER', 'NOTE_OVERDUE', 'NOTE_BILLING_HOLD', 'PLAN_REVIEW_DUE', 'PLAN_REVIEW_OVERDUE', 'PLAN_OUT_OF_COMPLIANCE', 'SAFETY_PLAN_MISSING');

-- CreateEnum
CREATE TYPE "ComplianceSeverity" AS ENUM ('INFO', 'WARNING', 'CRITICAL');

-- CreateEnum
CREATE TYPE "ComplianceAlertStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

-- CreateTable
CREATE TABLE "ComplianceRules" (
    "practiceId" UUID NOT NULL,
    "noteReminderDay" INTEGER NOT NULL DEFAULT 5,
    "noteSupervisorAlertDay" INTEGER NOT NULL DEFAULT 7,
    "noteBillingHoldDay" INTEGER NOT NULL DEFAULT 14,
    "planReviewReminderDay" INTEGER NOT NULL DEFAULT 80,
    "planReviewAlertDay" INTEGER NOT NULL DEFAULT 90,
    "planOutOfComplianceDay" INTEGER NOT NULL DEFAULT 91,
    "safetyPlanRequired" BOOLEAN NOT NULL DEFAULT true,
    "updatedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ComplianceRules_pkey" PRIMARY KEY ("practiceId")
);

-- CreateTable
CREATE TABLE "ComplianceAlert" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "rule" "ComplianceRule" NOT NULL,
    "kind" "ComplianceAlertKind" NOT NULL,
    "severity" "ComplianceSeverity" NOT NULL,
    "status" "ComplianceAlertStatus" NOT NULL DEFAULT 'OPEN',
    "subjectId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "appointmentId" UUID,
    "noteId" UUID,
    "planId" UUID,
    "clinicianId" UUID NOT NULL,
    "supervisorId" UUID,
    "escalatedAt" TIMESTAMPTZ(3),
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "notifiedKind" "ComplianceAlertKind",
    "acknowledgedById" UUID,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ComplianceAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComplianceAlert_practiceId_status_clinicianId_idx" ON "ComplianceAlert"("practiceId", "status", "clinicianId");

-- CreateIndex
CREATE INDEX "ComplianceAlert_practiceId_status_supervisorId_idx" ON "ComplianceAlert"("practiceId", "status", "supervisorId");

-- CreateIndex
CREATE INDEX "ComplianceAlert_practiceId_subjectId_idx" ON "ComplianceAlert"("practiceId", "subjectId");

-- One unresolved alert per rule and subject: the engine inserts with ON CONFLICT DO NOTHING, so a
-- re-run (or two workers at once) never duplicates an alert.
CREATE UNIQUE INDEX "ComplianceAlert_one_unresolved_per_subject" ON "ComplianceAlert"("practiceId", "rule", "subjectId") WHERE "status" <> 'RESOLVED';

-- Day counts must keep their order (also checked by the API, with stable error codes).
ALTER TABLE "ComplianceRules" ADD CONSTRAINT "ComplianceRules_note_days_ordered" CHECK ("noteReminderDay" > 0 AND "noteReminderDay" < "noteSupervisorAlertDay" AND "noteSupervisorAlertDay" < "noteBillingHoldDay");
ALTER TABLE "ComplianceRules" ADD CONSTRAINT "ComplianceRules_plan_days_ordered" CHECK ("planReviewReminderDay" > 0 AND "planReviewReminderDay" < "planReviewAlertDay" AND "planReviewAlertDay" < "planOutOfComplianceDay");

ALTER TABLE "ComplianceRules" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ComplianceRules" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "ComplianceAlert" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ComplianceAlert" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
