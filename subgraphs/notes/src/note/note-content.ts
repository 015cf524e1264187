// A note's structured content: field id → value, checked against the template version the note
// was written with. Drafts may leave fields empty; `missingRequired` tells signing what is left.
import { DomainError } from '@solace/server-kit';
import type { TemplateFieldDefinition } from '../templates/template-definition';

export type FieldValue = string | string[] | number | boolean | null;
export type NoteContent = Record<string, FieldValue>;

export const MAX_TEXT = 200;
export const MAX_LONG_TEXT = 50_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const invalid = (fieldId: string, message: string) => new DomainError('BAD_USER_INPUT', message, { details: { reason: 'INVALID_FIELD_VALUE', fields: [{ field: fieldId }] } });

const isValidDate = (value: string) => DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** Checks every value; unknown fields are refused. Empty values (null, '', []) are kept as null. */
export function validateContent(fields: readonly TemplateFieldDefinition[], content: Record<string, unknown>): NoteContent {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const unknown = Object.keys(content).filter((key) => !byId.has(key));
  if (unknown.length > 0) throw new DomainError('BAD_USER_INPUT', `Not fields of this note's template: ${unknown.join(', ')}.`, { details: { reason: 'UNKNOWN_FIELD', fields: unknown.map((field) => ({ field })) } });
  const result: NoteContent = {};
  for (const [id, value] of Object.entries(content)) {
    const field = byId.get(id)!;
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      result[id] = null;
      continue;
    }
    switch (field.kind) {
      case 'TEXT':
      case 'LONG_TEXT': {
        const max = field.kind === 'TEXT' ? MAX_TEXT : MAX_LONG_TEXT;
        if (typeof value !== 'string' || value.length > max) throw invalid(id, `"${field.label}" takes text of at most ${max} characters.`);
        break;
      }
      case 'SINGLE_CHOICE':
        if (typeof value !== 'string' || !field.options?.includes(value)) throw invalid(id, `"${field.label}" takes one of its options.`);
        break;
      case 'MULTIPLE_CHOICE':
        if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !field.options?.includes(item)) || new Set(value).size !== value.length) {
          throw invalid(id, `"${field.label}" takes some of its options, each once.`);
        }
        break;
      case 'SCALE':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < field.scaleMin! || value > field.scaleMax!) throw invalid(id, `"${field.label}" takes a whole number from ${field.scaleMin} to ${field.scaleMax}.`);
        break;
      case 'CHECKBOX':
        if (typeof value !== 'boolean') throw invalid(id, `"${field.label}" is checked or not (true or false).`);
        break;
      case 'DATE':
        if (typeof value !== 'string' || !isValidDate(value)) throw invalid(id, `"${field.label}" takes a date as YYYY-MM-DD.`);
        break;
    }
    result[id] = value as FieldValue;
  }
  return result;
}

const isEmpty = (value: FieldValue | undefined) => value === undefined || value === null || value === '' || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** Ids of the required fields still empty. An unchecked required checkbox counts as empty (it asks for a confirmation). */
export function missingRequired(fields: readonly TemplateFieldDefinition[], content: NoteContent): string[] {
  return fields.filter((field) => field.required && (isEmpty(content[field.id]) || (field.kind === 'CHECKBOX' && content[field.id] !== true))).map((field) => field.id);
}
