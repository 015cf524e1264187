-- CreateEnum
CREATE TYPE "SharedDocumentKind" AS ENUM ('FULL_NOTE', 'SESSION_SUMMARY');

-- CreateEnum
CREATE TYPE "NoteSuggestionKind" AS ENUM ('NOTE_DRAFT', 'DIAGNOSES');

-- CreateEnum
CREATE TYPE "NoteSuggestionStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "SharedDocument" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "kind" "SharedDocumentKind" NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "sharedById" UUID NOT NULL,
    "sharedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,

    CONSTRAINT "SharedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoteSuggestion" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "kind" "NoteSuggestionKind" NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "status" "NoteSuggestionStatus" NOT NULL DEFAULT 'PROPOSED',
    "content" TEXT NOT NULL,
    "noteRevision" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "acceptedParts" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "NoteSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoteSearchEntry" (
    "noteId" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "serviceDate" TIMESTAMPTZ(3) NOT NULL,
    "document" tsvector NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoteSearchEntry_pkey" PRIMARY KEY ("noteId")
);

-- CreateIndex
CREATE INDEX "SharedDocument_practiceId_clientId_sharedAt_idx" ON "SharedDocument"("practiceId", "clientId", "sharedAt");

-- CreateIndex
CREATE INDEX "SharedDocument_practiceId_noteId_idx" ON "SharedDocument"("practiceId", "noteId");

-- CreateIndex
CREATE INDEX "NoteSuggestion_practiceId_noteId_createdAt_idx" ON "NoteSuggestion"("practiceId", "noteId", "createdAt");

-- CreateIndex
CREATE INDEX "NoteSearchEntry_practiceId_authorId_idx" ON "NoteSearchEntry"("practiceId", "authorId");


-- Hand-written from here.

-- Full-text search over note text (stemmed English); the GIN index serves `@@`.
CREATE INDEX "NoteSearchEntry_document_idx" ON "NoteSearchEntry" USING GIN ("document");

ALTER TABLE "SharedDocument" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "SharedDocument" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "NoteSuggestion" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "NoteSuggestion" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "NoteSearchEntry" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "NoteSearchEntry" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));

-- Under row-level security `@@` (not LEAKPROOF) cannot use the GIN index before the policy has
-- filtered the rows, so a search would read every note of the practice. Like
-- 20261202000000_client_search_under_rls, this runs as the table's owner, where the index applies,
-- and enforces the tenant rule itself: only rows of `practice`, and only when the caller's
-- connection is scoped to it. `authors` NULL means every author (admins, supervisors with all
-- rights); otherwise only those authors' notes — the caller decides who may be read.
CREATE FUNCTION solace_note_search(practice uuid, authors uuid[], terms text, max_hits integer)
  RETURNS TABLE ("noteId" uuid, rank real)
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 50 SET search_path = public, pg_temp
  AS $$
    SELECT e."noteId", ts_rank(e."document", q) AS rank
    FROM "NoteSearchEntry" e, websearch_to_tsquery('english', terms) q
    WHERE solace_rls_allows(practice)
      AND e."practiceId" = practice
      AND (authors IS NULL OR e."authorId" = ANY (authors))
      AND e."document" @@ q
    ORDER BY rank DESC, e."serviceDate" DESC
    LIMIT max_hits
  $$;

REVOKE ALL ON FUNCTION solace_note_search(uuid, uuid[], text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION solace_note_search(uuid, uuid[], text, integer) TO solace_app;
