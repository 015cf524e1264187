// Wires note writing (notes, templates, diagnoses) for the subgraph's index and offers signing the
// two questions it asks about a note's template: what is still missing, and the fields' order.
import type { SubgraphDeps } from '@solace/server-kit';
import { DiagnosisRepository } from '../diagnoses/diagnosis.repository';
import { DiagnosisResolver } from '../diagnoses/diagnosis.resolver';
import { DiagnosisService } from '../diagnoses/diagnosis.service';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateResolver } from '../templates/template.resolver';
import { TemplateService } from '../templates/template.service';
import { NoteReadRule } from '../supervision/note-read-rule';
import { SupervisionRepository } from '../supervision/supervision.repository';
import { missingRequired, type NoteContent } from './note-content';
import { NoteRepository } from './note.repository';
import { NoteService } from './note.service';

/** What signing knows of a note: decrypted content (JSON text, '' before templates) and body. */
export interface NoteToCheck {
  practiceId: string;
  templateVersionId: string | null;
  content: string;
  body: string;
}

const parse = (json: string): NoteContent => (json.trim() === '' ? {} : (JSON.parse(json) as NoteContent));
const hasValue = (value: unknown) => value !== null && value !== undefined && value !== '' && !(typeof value === 'string' && value.trim() === '') && !(Array.isArray(value) && value.length === 0);

export function noteWriting({ prisma, cipher }: Pick<SubgraphDeps, 'prisma' | 'cipher'>) {
  const templates = new TemplateService(new TemplateRepository(prisma));
  const diagnoses = new DiagnosisService(new DiagnosisRepository(prisma));
  const supervision = new SupervisionRepository(prisma);
  const readRule = new NoteReadRule(supervision);
  const notes = new NoteService(new NoteRepository(prisma, cipher), templates, diagnoses, readRule);
  return {
    notes,
    supervision,
    readRule,
    templates,
    diagnoses,
    resolvers: [new TemplateResolver(templates), new DiagnosisResolver(diagnoses)],
    /** Required template fields still empty (ids); a note without a template needs some text. */
    async missingRequiredFields(note: NoteToCheck): Promise<string[]> {
      const content = parse(note.content);
      if (!note.templateVersionId) return note.body.trim() !== '' || Object.values(content).some(hasValue) ? [] : ['body'];
      const version = await templates.version(note.practiceId, note.templateVersionId);
      const missing = missingRequired(version.fields, content);
      if (missing.length === 0 && note.body.trim() === '' && !Object.values(content).some(hasValue)) return ['body'];
      return missing;
    },
    /** The template version's field ids in display order; [] without a template. */
    async templateFieldOrder(practiceId: string, templateVersionId: string | null): Promise<string[]> {
      return templateVersionId ? (await templates.version(practiceId, templateVersionId)).fields.map((field) => field.id) : [];
    },
  };
}
