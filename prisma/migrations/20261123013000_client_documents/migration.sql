-- CreateEnum
CREATE TYPE "ClientDocumentKind" AS ENUM ('INSURANCE_CARD_FRONT', 'INSURANCE_CARD_BACK', 'CONSENT_FORM', 'OTHER');

-- CreateTable
CREATE TABLE "ClientDocument" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "kind" "ClientDocumentKind" NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ClientDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClientDocument_storageKey_key" ON "ClientDocument"("storageKey");

-- CreateIndex
CREATE INDEX "ClientDocument_practiceId_clientId_idx" ON "ClientDocument"("practiceId", "clientId");

-- AddForeignKey
ALTER TABLE "ClientDocument" ADD CONSTRAINT "ClientDocument_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: row-level security (scripts/db/README.md) and sane sizes.
ALTER TABLE "ClientDocument" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "ClientDocument" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "ClientDocument" ADD CONSTRAINT "ClientDocument_sizeBytes_check" CHECK ("sizeBytes" > 0);
