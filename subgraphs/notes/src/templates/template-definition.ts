// What a template is made of, and the rules a definition must follow. Pure functions: the service
// calls them before anything is written, and the note service checks content against them.
import { DomainError } from '@solace/server-kit';

export const FIELD_KINDS = ['TEXT', 'LONG_TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SCALE', 'CHECKBOX', 'DATE'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface TemplateFieldDefinition {
  /** Stable key of the value in a note's content ('subjective'); never changes between versions. */
  id: string;
  kind: FieldKind;
  label: string;
  required: boolean;
  helpText?: string | null;
  /** The choices of SINGLE_CHOICE and MULTIPLE_CHOICE fields. */
  options?: string[] | null;
  scaleMin?: number | null;
  scaleMax?: number | null;
  scaleMinLabel?: string | null;
  scaleMaxLabel?: string | null;
}

export const TEMPLATE_LIMITS = {
  maxFields: 40,
  maxLabel: 120,
  maxHelpText: 500,
  maxOptions: 30,
  maxOption: 100,
  maxScaleSteps: 20,
  maxName: 80,
  maxDescription: 500,
} as const;

const FIELD_ID = /^[a-z][a-z0-9_]{0,39}$/;
const CHOICE_KINDS: readonly FieldKind[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE'];

/**
 * A definition error: BAD_USER_INPUT with a stable `reason` and, in `fields`, the field it concerns
 * (the same shape as input validation errors; the router passes `reason` and `fields` through).
 */
export const invalidTemplate = (reason: string, message: string, fieldId?: string) =>
  new DomainError('BAD_USER_INPUT', message, { details: { reason, ...(fieldId === undefined ? {} : { fields: [{ field: fieldId }] }) } });

/** Checks a definition and returns it normalized (trimmed, empty extras dropped). Throws on the first problem. */
export function validateTemplateFields(fields: readonly TemplateFieldDefinition[]): TemplateFieldDefinition[] {
  if (fields.length === 0) throw invalidTemplate('TEMPLATE_NO_FIELDS', 'A template needs at least one field.');
  if (fields.length > TEMPLATE_LIMITS.maxFields) throw invalidTemplate('TEMPLATE_TOO_MANY_FIELDS', `A template has at most ${TEMPLATE_LIMITS.maxFields} fields.`);
  const seen = new Set<string>();
  return fields.map((field) => {
    if (!FIELD_ID.test(field.id)) throw invalidTemplate('FIELD_ID_INVALID', 'Field ids are lower-case letters, digits and underscores, starting with a letter (at most 40).', field.id);
    if (seen.has(field.id)) throw invalidTemplate('FIELD_ID_DUPLICATE', 'Two fields have the same id.', field.id);
    seen.add(field.id);
    if (!FIELD_KINDS.includes(field.kind)) throw invalidTemplate('FIELD_KIND_INVALID', 'Unknown field kind.', field.id);
    const label = field.label.trim();
    if (label === '' || label.length > TEMPLATE_LIMITS.maxLabel) throw invalidTemplate('FIELD_LABEL_INVALID', `Every field needs a label of at most ${TEMPLATE_LIMITS.maxLabel} characters.`, field.id);
    const helpText = field.helpText?.trim() || null;
    if (helpText && helpText.length > TEMPLATE_LIMITS.maxHelpText) throw invalidTemplate('FIELD_HELP_TOO_LONG', `Help text is at most ${TEMPLATE_LIMITS.maxHelpText} characters.`, field.id);
    const normalized: TemplateFieldDefinition = { id: field.id, kind: field.kind, label, required: field.required, helpText };

    const options = (field.options ?? []).map((option) => option.trim());
    if (CHOICE_KINDS.includes(field.kind)) {
      if (options.length === 0) throw invalidTemplate('FIELD_OPTIONS_REQUIRED', 'A choice field needs at least one option.', field.id);
      if (options.length > TEMPLATE_LIMITS.maxOptions) throw invalidTemplate('FIELD_TOO_MANY_OPTIONS', `A choice field has at most ${TEMPLATE_LIMITS.maxOptions} options.`, field.id);
      if (options.some((option) => option === '' || option.length > TEMPLATE_LIMITS.maxOption)) throw invalidTemplate('FIELD_OPTION_INVALID', `Options are 1 to ${TEMPLATE_LIMITS.maxOption} characters.`, field.id);
      if (new Set(options).size !== options.length) throw invalidTemplate('FIELD_OPTION_DUPLICATE', 'The options of a field must differ.', field.id);
      normalized.options = options;
    } else if (options.length > 0) {
      throw invalidTemplate('FIELD_OPTIONS_NOT_ALLOWED', 'Only choice fields have options.', field.id);
    }

    if (field.kind === 'SCALE') {
      const { scaleMin: min, scaleMax: max } = field;
      if (min == null || max == null || !Number.isInteger(min) || !Number.isInteger(max) || min >= max || max - min > TEMPLATE_LIMITS.maxScaleSteps) {
        throw invalidTemplate('FIELD_SCALE_INVALID', `A scale needs whole-number bounds, the minimum below the maximum, at most ${TEMPLATE_LIMITS.maxScaleSteps} steps apart.`, field.id);
      }
      Object.assign(normalized, { scaleMin: min, scaleMax: max, scaleMinLabel: field.scaleMinLabel?.trim() || null, scaleMaxLabel: field.scaleMaxLabel?.trim() || null });
    } else if (field.scaleMin != null || field.scaleMax != null) {
      throw invalidTemplate('FIELD_SCALE_NOT_ALLOWED', 'Only scale fields have bounds.', field.id);
    }
    return normalized;
  });
}

export function validateTemplateMeta(name: string, description: string): { name: string; description: string } {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > TEMPLATE_LIMITS.maxName) throw invalidTemplate('TEMPLATE_NAME_INVALID', `A template needs a name of at most ${TEMPLATE_LIMITS.maxName} characters.`);
  if (description.length > TEMPLATE_LIMITS.maxDescription) throw invalidTemplate('TEMPLATE_DESCRIPTION_TOO_LONG', `The description is at most ${TEMPLATE_LIMITS.maxDescription} characters.`);
  return { name: trimmed, description: description.trim() };
}
