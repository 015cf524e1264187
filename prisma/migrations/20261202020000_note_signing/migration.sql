-- Issue 5, point 3: signed versions, signatures and the review conversation of clinical notes;
-- the database itself refuses changes to signed content (triggers below), hashes make any change visible.

-- CreateEnum
CREATE TYPE "NoteVersionKind" AS ENUM ('ORIGINAL', 'ADDENDUM');

-- CreateEnum
CREATE TYPE "NoteSignatureRole" AS ENUM ('AUTHOR', 'COSIGNER');

-- CreateEnum
CREATE TYPE "NoteReviewAction" AS ENUM ('SUBMITTED', 'RETURNED', 'COSIGNED');

-- CreateTable
CREATE TABLE "NoteVersion" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "NoteVersionKind" NOT NULL,
    "authorId" UUID NOT NULL,
    "content" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoteVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoteSignature" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "signerId" UUID NOT NULL,
    "role" "NoteSignatureRole" NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "contentHash" TEXT NOT NULL,
    "attestation" TEXT NOT NULL,

    CONSTRAINT "NoteSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoteReviewEvent" (
    "id" UUID NOT NULL,
    "practiceId" UUID NOT NULL,
    "noteId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "action" "NoteReviewAction" NOT NULL,
    "comment" TEXT,
    "ip" TEXT,
    "contentHash" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoteReviewEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NoteVersion_practiceId_noteId_idx" ON "NoteVersion"("practiceId", "noteId");

-- CreateIndex
CREATE UNIQUE INDEX "NoteVersion_noteId_number_key" ON "NoteVersion"("noteId", "number");

-- CreateIndex
CREATE INDEX "NoteSignature_versionId_idx" ON "NoteSignature"("versionId");

-- CreateIndex
CREATE INDEX "NoteSignature_practiceId_signerId_idx" ON "NoteSignature"("practiceId", "signerId");

-- CreateIndex
CREATE INDEX "NoteReviewEvent_practiceId_noteId_createdAt_idx" ON "NoteReviewEvent"("practiceId", "noteId", "createdAt");

-- AddForeignKey
ALTER TABLE "NoteSignature" ADD CONSTRAINT "NoteSignature_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "NoteVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written from here.
ALTER TABLE "NoteVersion" ADD CONSTRAINT "NoteVersion_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "ClinicalNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NoteReviewEvent" ADD CONSTRAINT "NoteReviewEvent_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "ClinicalNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "NoteVersion" ADD CONSTRAINT "NoteVersion_number_positive" CHECK ("number" >= 1);

-- The clinician's unsigned-notes queue: unsigned notes (signedAt is null exactly until signing) of
-- one author, oldest first.
CREATE INDEX "ClinicalNote_unsigned_by_author_idx" ON "ClinicalNote"("practiceId", "authorId", "serviceDate") WHERE "signedAt" IS NULL;

-- A stored ciphertext may be replaced only by the same value under another key (npm run keys:rotate,
-- or a value written before encryption existed): the plaintext cannot be checked here, but the
-- content hashes are verified on every read, so a forged "re-encryption" still shows.
CREATE FUNCTION solace_is_reencryption(old_value text, new_value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT old_value IS NOT DISTINCT FROM new_value
      OR old_value NOT LIKE 'enc:%'
      OR split_part(old_value, ':', 3) IS DISTINCT FROM split_part(new_value, ':', 3)
$$;

-- Once a note leaves DRAFT its clinical content is frozen; once signed, its signature too. Only the
-- signing workflow's transitions are allowed: IN_REVIEW → DRAFT (returned) or SIGNED (co-signed),
-- SIGNED → AMENDED (addendum). Signed notes are never deleted.
CREATE FUNCTION solace_clinical_note_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" IN ('SIGNED', 'AMENDED') THEN
      RAISE EXCEPTION 'signed clinical note % cannot be deleted', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF NEW."practiceId" IS DISTINCT FROM OLD."practiceId" OR NEW."appointmentId" IS DISTINCT FROM OLD."appointmentId"
     OR NEW."clientId" IS DISTINCT FROM OLD."clientId" OR NEW."authorId" IS DISTINCT FROM OLD."authorId"
     OR NEW."noteType" IS DISTINCT FROM OLD."noteType" OR NEW."templateVersionId" IS DISTINCT FROM OLD."templateVersionId"
     OR NEW."serviceDate" IS DISTINCT FROM OLD."serviceDate" OR NEW."diagnosisCodes" IS DISTINCT FROM OLD."diagnosisCodes"
     OR NEW."revision" IS DISTINCT FROM OLD."revision"
     OR NOT solace_is_reencryption(OLD."body", NEW."body") OR NOT solace_is_reencryption(OLD."content", NEW."content") THEN
    RAISE EXCEPTION 'clinical note % is % and its content cannot change', OLD."id", OLD."status" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD."status" IN ('SIGNED', 'AMENDED') AND (NEW."status" NOT IN ('SIGNED', 'AMENDED') OR (OLD."status" = 'AMENDED' AND NEW."status" = 'SIGNED')
     OR NEW."signedAt" IS DISTINCT FROM OLD."signedAt" OR NEW."signedById" IS DISTINCT FROM OLD."signedById") THEN
    RAISE EXCEPTION 'signed clinical note % cannot be unsigned or re-signed', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "ClinicalNote_lock" BEFORE UPDATE OR DELETE ON "ClinicalNote" FOR EACH ROW EXECUTE FUNCTION solace_clinical_note_lock();

-- Versions, signatures and review events are append-only (versions and comments may only be
-- re-encrypted under a new key).
CREATE FUNCTION solace_note_signing_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'NoteVersion'
     AND (to_jsonb(NEW) - 'content') = (to_jsonb(OLD) - 'content') AND solace_is_reencryption(OLD."content", NEW."content") THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'NoteReviewEvent'
     AND (to_jsonb(NEW) - 'comment') = (to_jsonb(OLD) - 'comment') AND solace_is_reencryption(OLD."comment", NEW."comment") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% rows are part of the signed record and cannot be changed or deleted', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER "NoteVersion_append_only" BEFORE UPDATE OR DELETE ON "NoteVersion" FOR EACH ROW EXECUTE FUNCTION solace_note_signing_append_only();
CREATE TRIGGER "NoteSignature_append_only" BEFORE UPDATE OR DELETE ON "NoteSignature" FOR EACH ROW EXECUTE FUNCTION solace_note_signing_append_only();
CREATE TRIGGER "NoteReviewEvent_append_only" BEFORE UPDATE OR DELETE ON "NoteReviewEvent" FOR EACH ROW EXECUTE FUNCTION solace_note_signing_append_only();

ALTER TABLE "NoteVersion" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "NoteVersion" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "NoteSignature" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "NoteSignature" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
ALTER TABLE "NoteReviewEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY practice_isolation ON "NoteReviewEvent" USING (solace_rls_allows("practiceId")) WITH CHECK (solace_rls_allows("practiceId"));
