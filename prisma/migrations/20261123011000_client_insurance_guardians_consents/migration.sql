-- CreateEnum
CREATE TYPE "InsuranceRank" AS ENUM ('PRIMARY', 'SECONDARY');

-- CreateEnum
CREATE TYPE "SubscriberRelationship" AS ENUM ('SELF', 'SPOUSE', 'CHILD', 'OTHER');

-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('INFORMED_CONSENT', 'TELEHEALTH', 'GUARDIAN');

-- CreateTable
CREATE TABLE "ClientInsurance" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "rank" "InsuranceRank" NOT NULL,
    "payerName" TEXT NOT NULL,
    "payerId" TEXT,
    "memberId" TEXT NOT NULL,
    "groupNumber" TEXT,
    "subscriberRelationship" "SubscriberRelationship" NOT NULL DEFAULT 'SELF',
    "subscriberName" TEXT,
    "subscriberDateOfBirth" DATE,
    "effectiveOn" DATE,
    "terminatesOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClientInsurance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientGuardian" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "isLegalGuardian" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClientGuardian_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientConsent" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "signedByName" TEXT NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientConsent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClientInsurance_practiceId_clientId_idx" ON "ClientInsurance"("practiceId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "ClientInsurance_clientId_rank_key" ON "ClientInsurance"("clientId", "rank");

-- CreateIndex
CREATE INDEX "ClientGuardian_practiceId_clientId_idx" ON "ClientGuardian"("practiceId", "clientId");

-- CreateIndex
CREATE INDEX "ClientConsent_practiceId_clientId_kind_idx" ON "ClientConsent"("practiceId", "clientId", "kind");

-- AddForeignKey
ALTER TABLE "ClientInsurance" ADD CONSTRAINT "ClientInsurance_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientGuardian" ADD CONSTRAINT "ClientGuardian_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientConsent" ADD CONSTRAINT "ClientConsent_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: row-level security on every practice-owned table (scripts/db/README.md).
ALTER TABLE "ClientInsurance" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ClientInsurance" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "ClientGuardian" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ClientGuardian" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "ClientConsent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ClientConsent" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));

-- A subscriber other than the client is named, with a date of birth; coverage ends after it starts.
ALTER TABLE "ClientInsurance" ADD CONSTRAINT "ClientInsurance_subscriber_check"
  CHECK ("subscriberRelationship" = 'SELF' OR ("subscriberName" IS NOT NULL AND "subscriberDateOfBirth" IS NOT NULL));
ALTER TABLE "ClientInsurance" ADD CONSTRAINT "ClientInsurance_dates_check"
  CHECK ("terminatesOn" IS NULL OR "effectiveOn" IS NULL OR "terminatesOn" >= "effectiveOn");
ALTER TABLE "ClientConsent" ADD CONSTRAINT "ClientConsent_dates_check"
  CHECK (("expiresAt" IS NULL OR "expiresAt" > "signedAt") AND ("revokedAt" IS NULL OR "revokedAt" >= "signedAt"));

-- What the appointments subgraph's booking rules read about a client (consents, age). It runs with
-- the caller's rights (security_invoker), so row-level security on Client and ClientConsent applies.
CREATE VIEW "ClientBookingFacts" WITH (security_invoker = true) AS
SELECT c."id" AS "clientId", c."practiceId", c."dateOfBirth",
  (SELECT max(k."expiresAt") FROM "ClientConsent" k WHERE k."clientId" = c."id" AND k."kind" = 'INFORMED_CONSENT' AND k."revokedAt" IS NULL) AS "informedConsentExpiresAt",
  EXISTS (SELECT 1 FROM "ClientConsent" k WHERE k."clientId" = c."id" AND k."kind" = 'TELEHEALTH' AND k."revokedAt" IS NULL) AS "hasTelehealthConsent",
  EXISTS (SELECT 1 FROM "ClientConsent" k WHERE k."clientId" = c."id" AND k."kind" = 'GUARDIAN' AND k."revokedAt" IS NULL) AS "hasGuardianConsent"
FROM "Client" c;
-- Default privileges would also grant writes through the view; it is read-only for the services.
REVOKE ALL ON "ClientBookingFacts" FROM solace_app;
GRANT SELECT ON "ClientBookingFacts" TO solace_app;
