// `npm run keys:rotate`: after a new key is put first in SOLACE_ENCRYPTION_KEYS, re-encrypts every
// encrypted field with it (and encrypts values written before encryption existed), in batches, so
// the old key can then be removed. Timestamps are left alone: re-encryption is not an edit.
import { createFieldCipher, createPrismaClient, loadConfig, type FieldCipher, type PrismaClient } from '@solace/server-kit';

/** Every encrypted column: table, column, and the field name used as authenticated data. */
export const ENCRYPTED_FIELDS = [
  { table: 'ClinicalNote', column: 'body', field: 'ClinicalNote.body' },
  { table: 'ClinicalNote', column: 'content', field: 'ClinicalNote.content' },
  { table: 'NoteVersion', column: 'content', field: 'NoteVersion.content' },
  { table: 'NoteReviewEvent', column: 'comment', field: 'NoteReviewEvent.comment' },
  { table: 'NoteSuggestion', column: 'content', field: 'NoteSuggestion.content' },
  { table: 'TreatmentPlan', column: 'content', field: 'TreatmentPlan.content' },
  { table: 'TreatmentPlanReview', column: 'note', field: 'TreatmentPlanReview.note' },
  { table: 'ClientRiskFlag', column: 'reason', field: 'ClientRiskFlag.reason' },
  { table: 'ClientRiskFlag', column: 'clearReason', field: 'ClientRiskFlag.clearReason' },
  { table: 'SafetyPlan', column: 'content', field: 'SafetyPlan.content' },
  { table: 'Message', column: 'body', field: 'Message.body' },
  { table: 'ClientInsurance', column: 'memberId', field: 'ClientInsurance.memberId' },
] as const;

const BATCH = 500;

export async function rotateKeys(
  prisma: PrismaClient,
  cipher: FieldCipher,
  options: { log?: (line: string) => void; /** Only this practice's rows (e.g. one tenant at a time). */ practiceId?: string } = {},
): Promise<number> {
  const log = options.log ?? console.log;
  const tenant = options.practiceId ? ` and "practiceId" = '${options.practiceId.replace(/[^0-9a-f-]/gi, '')}'::uuid` : '';
  let total = 0;
  const current = `enc:v1:${cipher.currentKeyId}:%`;
  for (const { table, column, field } of ENCRYPTED_FIELDS) {
    let rotated = 0;
    for (;;) {
      // Table and column names come from the constant list above, never from input.
      const rows = await prisma.$queryRawUnsafe<Array<{ id: string; value: string }>>(
        // Empty values (e.g. a note's unused free text) hold nothing to protect and stay empty.
        `select "id", "${column}" as value from "${table}" where "${column}" not like $1 and "${column}" <> ''${tenant} limit ${BATCH}`,
        current,
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        const reencrypted = cipher.encrypt(cipher.decrypt(row.value, field), field);
        await prisma.$executeRawUnsafe(`update "${table}" set "${column}" = $1 where "id" = $2::uuid and "${column}" = $3`, reencrypted, row.id, row.value);
      }
      rotated += rows.length;
    }
    log(`[keys] ${field}: ${rotated} value(s) now under key ${cipher.currentKeyId}`);
    total += rotated;
  }
  return total;
}

if (require.main === module) {
  const prisma = createPrismaClient(loadConfig().ownerDatabaseUrl);
  const practiceId = process.argv.find((arg) => arg.startsWith('--practice='))?.slice('--practice='.length);
  rotateKeys(prisma, createFieldCipher(), { practiceId })
    .then(() => prisma.$disconnect())
    .catch(async (error: Error) => {
      console.error(error.message);
      await prisma.$disconnect();
      process.exit(1);
    });
}
