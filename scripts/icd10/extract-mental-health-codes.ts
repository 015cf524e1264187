// Extracts the mental-health subset of ICD-10-CM from the CMS/NCHS code list
// (icd10cm_codes_<year>.txt: one billable code a line, the code without its dot padded to 8
// characters, then the long description) and writes it as a tab-separated file:
//   node -r @swc-node/register scripts/icd10/extract-mental-health-codes.ts <icd10cm_codes_YYYY.txt> <release> > prisma/data/icd10cm-mental-health.tsv
// With --sql it prints the INSERT statement a migration loads the same rows with instead.
// Only billable codes are in that CMS file, so every extracted code is valid on a claim.
import { readFileSync } from 'node:fs';

/** Chapter F (F01–F99) and the Z codes a mental-health practice documents. */
const KEPT_PREFIXES = [
  'F',
  'Z55', 'Z56', 'Z57', 'Z58', 'Z59', 'Z60', 'Z62', 'Z63', 'Z64', 'Z65', // psychosocial circumstances
  'Z69', 'Z70', 'Z71', // mental health services for abuse; counselling
  'Z73', // life-management difficulty (burn-out, stress)
  'Z8651', 'Z8659', // personal history of mental and behavioural disorders
  'Z914', // personal history of psychological trauma and abuse
  'Z915', // personal history of suicidal behaviour and self-harm
];

export interface ExtractedCode {
  code: string;
  compactCode: string;
  description: string;
}

/** 'F4310' → 'F43.10': the dot goes after the three-character category. */
export const withDot = (compact: string) => (compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact);

export function extractMentalHealthCodes(cmsText: string): ExtractedCode[] {
  const codes: ExtractedCode[] = [];
  for (const line of cmsText.split(/\r?\n/)) {
    const match = /^([A-Z][0-9A-Z]{2,6})\s+(.+)$/.exec(line.trimEnd());
    if (!match) continue;
    const [, compactCode, description] = match as unknown as [string, string, string];
    if (!KEPT_PREFIXES.some((prefix) => compactCode.startsWith(prefix))) continue;
    codes.push({ code: withDot(compactCode), compactCode, description: description.trim() });
  }
  return codes;
}

const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;

function main() {
  const [source, release, flag] = process.argv.slice(2);
  if (!source || !release) {
    console.error('usage: extract-mental-health-codes.ts <icd10cm_codes_YYYY.txt> <release, e.g. FY2023> [--sql]');
    process.exit(2);
  }
  const codes = extractMentalHealthCodes(readFileSync(source, 'utf8'));
  if (flag === '--sql') {
    const rows = codes.map((c) => `  (${sqlText(c.code)}, ${sqlText(c.compactCode)}, ${sqlText(c.description)}, true, ${sqlText(release)})`);
    process.stdout.write(`INSERT INTO "DiagnosisCode" ("code", "compactCode", "description", "billable", "release") VALUES\n${rows.join(',\n')}\nON CONFLICT ("code") DO NOTHING;\n`);
  } else {
    process.stdout.write(`code\tcompactCode\tdescription\trelease\n${codes.map((c) => `${c.code}\t${c.compactCode}\t${c.description}\t${release}`).join('\n')}\n`);
  }
}

if (process.argv[1]?.endsWith('extract-mental-health-codes.ts')) main();
