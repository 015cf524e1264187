// Renders a signed note (or its client-facing session summary) as a branded PDF with pdfkit: the
// practice header, who and when, the template's fields in order, diagnoses, the signature block
// with the signed content's SHA-256, addenda, and on every page "Confidential — PHI" and the page
// number. Pure: everything it prints comes in the model, so tests can render without a database.
import PDFDocument from 'pdfkit';

export interface NotePdfModel {
  kind: 'FULL_NOTE' | 'SESSION_SUMMARY';
  practice: { name: string; timeZone: string; addressLines: string[]; phone: string | null; email: string | null; npi: string | null };
  client: { name: string; dateOfBirth: string };
  serviceDate: Date;
  /** The name as signed, with credentials after it when recorded. */
  clinician: { name: string };
  noteTypeLabel: string;
  fields: Array<{ label: string; value: string }>;
  body: string;
  diagnoses: Array<{ code: string; description: string }>;
  signatures: Array<{ name: string; role: string; signedAt: Date }>;
  versionNumber: number;
  contentHash: string;
  addenda: Array<{ number: number; author: string; signedAt: Date; text: string }>;
  generatedAt: Date;
}

export const CONFIDENTIAL_FOOTER = 'Confidential — PHI';
const INK = '#1f2933';
const MUTED = '#52606d';
const BRAND = '#2f5d62';

const formatDate = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(date);
const formatDateTime = (date: Date, timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(date);

export function renderNotePdf(model: NotePdfModel): Promise<Buffer> {
  const title = model.kind === 'SESSION_SUMMARY' ? 'Session summary' : 'Clinical note';
  // No client name in the metadata: file properties show up in places the page does not.
  const doc = new PDFDocument({ size: 'LETTER', margins: { top: 64, bottom: 72, left: 64, right: 64 }, bufferPages: true, info: { Title: `${title} — ${model.practice.name}`, Author: model.practice.name, Producer: 'Solace', CreationDate: model.generatedAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const tz = model.practice.timeZone;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  // Header: the practice, then the document's title.
  doc.font('Helvetica-Bold').fontSize(16).fillColor(BRAND).text(model.practice.name);
  const { addressLines, phone, email, npi } = model.practice;
  const contact = [phone, email, npi ? `NPI ${npi}` : null].filter(Boolean).join(' · ');
  for (const line of [...addressLines, contact].filter(Boolean)) doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(line);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(`Behavioral health services · times shown in ${tz}`);
  doc.moveDown(0.4).moveTo(doc.page.margins.left, doc.y).lineTo(doc.page.margins.left + width, doc.y).lineWidth(1).strokeColor(BRAND).stroke();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(`${title}: ${model.noteTypeLabel}`);
  doc.moveDown(0.5);

  const facts: Array<[string, string]> = [
    ['Client', model.client.name],
    ['Date of birth', model.client.dateOfBirth],
    ['Date of service', formatDate(model.serviceDate, tz)],
    ['Clinician', model.clinician.name],
    ['Note type', model.noteTypeLabel],
  ];
  for (const [label, value] of facts) doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED).text(`${label}: `, { continued: true }).font('Helvetica').fillColor(INK).text(value);

  const section = (heading: string) => {
    doc.moveDown(0.9).font('Helvetica-Bold').fontSize(11).fillColor(BRAND).text(heading);
    doc.moveDown(0.2);
  };
  const paragraph = (label: string | null, value: string) => {
    if (label) doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(label);
    doc.font('Helvetica').fontSize(10).fillColor(INK).text(value.trim() === '' ? '—' : value, { align: 'left' });
    doc.moveDown(0.4);
  };

  section(model.kind === 'SESSION_SUMMARY' ? 'Summary and next steps' : 'Documentation');
  if (model.fields.length === 0 && model.body.trim() === '') paragraph(null, model.kind === 'SESSION_SUMMARY' ? 'Your clinician recorded no plan for this session.' : '—');
  for (const field of model.fields) paragraph(field.label, field.value);
  if (model.body.trim() !== '') paragraph(model.fields.length > 0 ? 'Additional notes' : null, model.body);

  if (model.kind === 'FULL_NOTE') {
    section('Diagnoses (ICD-10-CM)');
    if (model.diagnoses.length === 0) paragraph(null, 'None recorded.');
    for (const [index, diagnosis] of model.diagnoses.entries()) doc.font('Helvetica').fontSize(10).fillColor(INK).text(`${diagnosis.code}  ${diagnosis.description}${index === 0 ? ' (primary)' : ''}`);
  }

  section('Electronic signature');
  for (const signature of model.signatures) {
    doc.font('Helvetica').fontSize(10).fillColor(INK).text(`${signature.role === 'COSIGNER' ? 'Co-signed' : 'Signed'} by ${signature.name} on ${formatDateTime(signature.signedAt, tz)}`);
  }
  doc.moveDown(0.3).font('Helvetica').fontSize(8).fillColor(MUTED).text(`Signed version ${model.versionNumber} · SHA-256 of the signed content:`);
  doc.font('Courier').fontSize(8).fillColor(INK).text(model.contentHash);

  if (model.addenda.length > 0) {
    section('Addenda');
    for (const addendum of model.addenda) {
      doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(`Addendum ${addendum.number} — signed by ${addendum.author} on ${formatDateTime(addendum.signedAt, tz)}`);
      paragraph(null, addendum.text);
    }
  }

  doc.moveDown(1).font('Helvetica').fontSize(8).fillColor(MUTED).text(`Generated ${formatDateTime(model.generatedAt, tz)} by Solace from the signed record.`);

  // Footers last, when the page count is known. The bottom margin is lifted while writing into it,
  // or pdfkit would start a new page.
  const pages = doc.bufferedPageRange();
  for (let index = 0; index < pages.count; index++) {
    doc.switchToPage(pages.start + index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 44;
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(CONFIDENTIAL_FOOTER, doc.page.margins.left, y, { width, align: 'left', lineBreak: false });
    doc.text(`Page ${index + 1} of ${pages.count}`, doc.page.margins.left, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
