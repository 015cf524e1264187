-- An associate's addendum is co-signed by their supervisor like the note itself: the co-signature
-- is one more NoteSignature row (role COSIGNER) on the addendum's version. At most one co-signer
-- per version, so two supervisors clicking at once cannot both sign.
CREATE UNIQUE INDEX "NoteSignature_one_cosigner" ON "NoteSignature" ("versionId") WHERE "role" = 'COSIGNER';
