import { type AuthClaims, DomainError, notFound } from '@solace/server-kit';
import type { NoteType } from '../note/note.type';
import { BUILT_IN_TEMPLATES, DEFAULT_BUILT_IN } from './built-in-templates';
import { type TemplateFieldDefinition, validateTemplateFields, validateTemplateMeta } from './template-definition';
import { isUniqueViolation, type TemplateRepository } from './template.repository';
import type { NoteTemplate, NoteTemplateVersion } from './template.type';

export interface TemplateChange {
  name: string;
  description: string;
  noteType: NoteType;
  fields: TemplateFieldDefinition[];
}

const nameTaken = () => new DomainError('CONFLICT', 'The practice already has a template with this name.', { details: { reason: 'TEMPLATE_NAME_TAKEN' } });

export class TemplateService {
  constructor(private readonly templates: TemplateRepository) {}

  /**
   * Copies the built-ins the practice does not have yet. Idempotent and safe when two requests race
   * (the unique (practiceId, builtInKey) index keeps one; the loser's insert is ignored).
   */
  async ensureBuiltIns(practiceId: string): Promise<void> {
    const existing = new Set(await this.templates.builtInKeys(practiceId));
    for (const builtIn of BUILT_IN_TEMPLATES) {
      if (existing.has(builtIn.key)) continue;
      try {
        await this.templates.create(practiceId, { name: builtIn.name, description: builtIn.description, noteType: builtIn.noteType, builtInKey: builtIn.key, fields: validateTemplateFields(builtIn.fields), createdById: null });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  async list(user: AuthClaims, noteType: NoteType | null, includeArchived: boolean): Promise<NoteTemplate[]> {
    await this.ensureBuiltIns(user.practiceId);
    return this.templates.list(user.practiceId, noteType, includeArchived);
  }

  async get(user: AuthClaims, id: string): Promise<NoteTemplate> {
    const template = await this.templates.find(user.practiceId, id);
    if (!template) throw notFound('NoteTemplate', id);
    return template;
  }

  versions(user: AuthClaims, templateId: string): Promise<NoteTemplateVersion[]> {
    return this.templates.versions(user.practiceId, templateId);
  }

  async version(practiceId: string, id: string): Promise<NoteTemplateVersion> {
    const version = await this.templates.findVersion(practiceId, id);
    if (!version) throw notFound('NoteTemplateVersion', id);
    return version;
  }

  /** The template a new note of this type uses: the chosen one (same type, not archived) or the type's built-in. */
  async forNewNote(practiceId: string, noteType: NoteType, templateId: string | null): Promise<NoteTemplate> {
    if (templateId) {
      const chosen = await this.templates.find(practiceId, templateId);
      if (!chosen) throw notFound('NoteTemplate', templateId);
      if (chosen.noteType !== noteType) throw new DomainError('BAD_USER_INPUT', `This template is for ${chosen.noteType} notes.`, { details: { reason: 'TEMPLATE_NOTE_TYPE_MISMATCH' } });
      if (chosen.archived) throw new DomainError('BAD_USER_INPUT', 'This template is archived.', { details: { reason: 'TEMPLATE_ARCHIVED' } });
      return chosen;
    }
    await this.ensureBuiltIns(practiceId);
    const builtIn = await this.templates.findBuiltIn(practiceId, DEFAULT_BUILT_IN[noteType]);
    if (!builtIn) throw new DomainError('CONFLICT', 'The built-in templates could not be prepared; try again.');
    return builtIn;
  }

  async create(user: AuthClaims, change: TemplateChange): Promise<NoteTemplate> {
    const meta = validateTemplateMeta(change.name, change.description);
    const fields = validateTemplateFields(change.fields);
    await this.ensureBuiltIns(user.practiceId);
    try {
      const id = await this.templates.create(user.practiceId, { ...meta, noteType: change.noteType, builtInKey: null, fields, createdById: user.sub });
      return this.get(user, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  }

  /** Editing makes a new version; notes written with earlier versions keep theirs. */
  async update(user: AuthClaims, id: string, change: TemplateChange): Promise<NoteTemplate> {
    const template = await this.get(user, id);
    this.assertMayEdit(user, template);
    const meta = validateTemplateMeta(change.name, change.description);
    const fields = validateTemplateFields(change.fields);
    try {
      await this.templates.addVersion(user.practiceId, id, { ...meta, noteType: change.noteType, fields, createdById: user.sub });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('CONFLICT', 'Someone else saved this template at the same time, or the name is taken; reload and try again.', { details: { reason: 'TEMPLATE_CHANGED' } });
      }
      throw error;
    }
    return this.get(user, id);
  }

  async setArchived(user: AuthClaims, id: string, archived: boolean): Promise<NoteTemplate> {
    const template = await this.get(user, id);
    this.assertMayEdit(user, template);
    await this.templates.setArchived(user.practiceId, id, archived);
    return this.get(user, id);
  }

  /** Built-ins are read-only (copy one to change it); a practice's template is changed by its author or an admin. */
  private assertMayEdit(user: AuthClaims, template: NoteTemplate): void {
    if (template.builtIn) throw new DomainError('FORBIDDEN', 'Built-in templates cannot be changed; make a copy instead.', { details: { reason: 'BUILT_IN_TEMPLATE' } });
    if (template.createdById !== user.sub && !user.roles.includes('ADMIN')) throw new DomainError('FORBIDDEN', 'Only the author or an administrator changes this template.');
  }
}
