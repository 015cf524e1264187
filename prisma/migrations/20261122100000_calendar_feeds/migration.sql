-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "staffUserId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastFetchedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_practiceId_staffUserId_idx" ON "CalendarFeed"("practiceId", "staffUserId");


-- Row-level security (README, "Tenancy, twice").
ALTER TABLE "CalendarFeed" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "CalendarFeed" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
