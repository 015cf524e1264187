import type { PrismaClient } from '@solace/server-kit';
import type { NoteType } from '../note/note.type';
import type { TemplateFieldDefinition } from './template-definition';
import type { NoteTemplate, NoteTemplateVersion, TemplateField } from './template.type';

const VERSION_FIELDS = { id: true, templateId: true, version: true, fields: true, createdAt: true, template: { select: { name: true } } } as const;
const TEMPLATE_FIELDS = { id: true, name: true, description: true, noteType: true, builtInKey: true, archivedAt: true, createdById: true, updatedAt: true, currentVersionId: true } as const;

type VersionRow = { id: string; templateId: string; version: number; fields: unknown; createdAt: Date; template: { name: string } };
type TemplateRow = { id: string; name: string; description: string; noteType: string; builtInKey: string | null; archivedAt: Date | null; createdById: string | null; updatedAt: Date; currentVersionId: string | null };

/** Stored definitions always went through validateTemplateFields; this fills the optional parts for GraphQL. */
const toField = (field: TemplateFieldDefinition): TemplateField => ({
  id: field.id,
  kind: field.kind,
  label: field.label,
  required: field.required,
  helpText: field.helpText ?? null,
  options: field.options ?? [],
  scaleMin: field.scaleMin ?? null,
  scaleMax: field.scaleMax ?? null,
  scaleMinLabel: field.scaleMinLabel ?? null,
  scaleMaxLabel: field.scaleMaxLabel ?? null,
});

const toVersion = (row: VersionRow): NoteTemplateVersion => ({
  id: row.id,
  templateId: row.templateId,
  templateName: row.template.name,
  version: row.version,
  fields: (row.fields as TemplateFieldDefinition[]).map(toField),
  createdAt: row.createdAt,
});

/** PostgreSQL's unique_violation (Prisma P2002). */
export const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === 'P2002';

export interface NewTemplate {
  name: string;
  description: string;
  noteType: NoteType;
  builtInKey: string | null;
  fields: TemplateFieldDefinition[];
  createdById: string | null;
}

export class TemplateRepository {
  constructor(private readonly prisma: PrismaClient) {}

  private async withCurrentVersions(practiceId: string, rows: TemplateRow[]): Promise<NoteTemplate[]> {
    const ids = rows.map((row) => row.currentVersionId).filter((id): id is string => id !== null);
    const versions = ids.length === 0 ? [] : await this.prisma.noteTemplateVersion.findMany({ where: { practiceId, id: { in: ids } }, select: VERSION_FIELDS });
    const byId = new Map(versions.map((version) => [version.id, toVersion(version)]));
    return rows.flatMap((row) => {
      const currentVersion = row.currentVersionId ? byId.get(row.currentVersionId) : undefined;
      if (!currentVersion) return [];
      return [{ id: row.id, name: row.name, description: row.description, noteType: row.noteType as NoteType, builtIn: row.builtInKey !== null, archived: row.archivedAt !== null, createdById: row.createdById, updatedAt: row.updatedAt, currentVersion }];
    });
  }

  async list(practiceId: string, noteType: NoteType | null, includeArchived: boolean): Promise<NoteTemplate[]> {
    const rows = await this.prisma.noteTemplate.findMany({
      where: { practiceId, ...(noteType ? { noteType } : {}), ...(includeArchived ? {} : { archivedAt: null }) },
      orderBy: [{ builtInKey: { sort: 'asc', nulls: 'last' } }, { name: 'asc' }],
      select: TEMPLATE_FIELDS,
    });
    return this.withCurrentVersions(practiceId, rows);
  }

  async find(practiceId: string, id: string): Promise<NoteTemplate | null> {
    const row = await this.prisma.noteTemplate.findFirst({ where: { practiceId, id }, select: TEMPLATE_FIELDS });
    return row ? ((await this.withCurrentVersions(practiceId, [row]))[0] ?? null) : null;
  }

  async findBuiltIn(practiceId: string, builtInKey: string): Promise<NoteTemplate | null> {
    const row = await this.prisma.noteTemplate.findFirst({ where: { practiceId, builtInKey }, select: TEMPLATE_FIELDS });
    return row ? ((await this.withCurrentVersions(practiceId, [row]))[0] ?? null) : null;
  }

  async findVersion(practiceId: string, id: string): Promise<NoteTemplateVersion | null> {
    const row = await this.prisma.noteTemplateVersion.findFirst({ where: { practiceId, id }, select: VERSION_FIELDS });
    return row ? toVersion(row) : null;
  }

  async versions(practiceId: string, templateId: string): Promise<NoteTemplateVersion[]> {
    const rows = await this.prisma.noteTemplateVersion.findMany({ where: { practiceId, templateId }, orderBy: { version: 'desc' }, select: VERSION_FIELDS });
    return rows.map(toVersion);
  }

  async builtInKeys(practiceId: string): Promise<string[]> {
    const rows = await this.prisma.noteTemplate.findMany({ where: { practiceId, builtInKey: { not: null } }, select: { builtInKey: true } });
    return rows.map((row) => row.builtInKey!);
  }

  /** Template and its version 1 together; a name or built-in already taken throws a unique violation. */
  async create(practiceId: string, template: NewTemplate): Promise<string> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.noteTemplate.create({
        data: { practiceId, name: template.name, description: template.description, noteType: template.noteType, builtInKey: template.builtInKey, createdById: template.createdById },
        select: { id: true },
      });
      const version = await tx.noteTemplateVersion.create({ data: { practiceId, templateId: created.id, version: 1, fields: template.fields as object[], createdById: template.createdById }, select: { id: true } });
      await tx.noteTemplate.updateMany({ where: { practiceId, id: created.id }, data: { currentVersionId: version.id } });
      return created.id;
    });
  }

  /** The next version, which becomes current; two editors at once: the second gets a unique violation. */
  async addVersion(practiceId: string, templateId: string, change: { name: string; description: string; noteType: NoteType; fields: TemplateFieldDefinition[]; createdById: string }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const latest = await tx.noteTemplateVersion.findFirst({ where: { practiceId, templateId }, orderBy: { version: 'desc' }, select: { version: true } });
      const version = await tx.noteTemplateVersion.create({
        data: { practiceId, templateId, version: (latest?.version ?? 0) + 1, fields: change.fields as object[], createdById: change.createdById },
        select: { id: true },
      });
      await tx.noteTemplate.updateMany({ where: { practiceId, id: templateId }, data: { name: change.name, description: change.description, noteType: change.noteType, currentVersionId: version.id } });
    });
  }

  async setArchived(practiceId: string, id: string, archived: boolean): Promise<void> {
    await this.prisma.noteTemplate.updateMany({ where: { practiceId, id }, data: { archivedAt: archived ? new Date() : null } });
  }
}
