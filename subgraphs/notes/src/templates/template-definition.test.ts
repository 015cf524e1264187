import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from './built-in-templates';
import { type TemplateFieldDefinition, validateTemplateFields } from './template-definition';

const reasonOf = (fields: TemplateFieldDefinition[]) => {
  try {
    validateTemplateFields(fields);
    return 'accepted';
  } catch (error) {
    return (error as { details?: { reason?: string } }).details?.reason;
  }
};

describe('template definitions', () => {
  it('accepts every built-in template', () => {
    for (const template of BUILT_IN_TEMPLATES) expect(() => validateTemplateFields(template.fields)).not.toThrow();
  });

  it('normalizes labels and options and drops empty extras', () => {
    expect(validateTemplateFields([{ id: 'mood', kind: 'SINGLE_CHOICE', label: '  Mood ', required: false, helpText: ' ', options: [' Low', 'High '] }])).toEqual([
      { id: 'mood', kind: 'SINGLE_CHOICE', label: 'Mood', required: false, helpText: null, options: ['Low', 'High'] },
    ]);
  });

  it('refuses bad definitions with stable reasons', () => {
    expect(reasonOf([])).toBe('TEMPLATE_NO_FIELDS');
    expect(reasonOf([{ id: '1abc', kind: 'TEXT', label: 'A', required: false }])).toBe('FIELD_ID_INVALID');
    expect(reasonOf([{ id: 'a', kind: 'TEXT', label: ' ', required: false }])).toBe('FIELD_LABEL_INVALID');
    expect(reasonOf([{ id: 'a', kind: 'MULTIPLE_CHOICE', label: 'A', required: false, options: ['x', 'x'] }])).toBe('FIELD_OPTION_DUPLICATE');
    expect(reasonOf([{ id: 'a', kind: 'SCALE', label: 'A', required: false, scaleMin: 0, scaleMax: 21 }])).toBe('FIELD_SCALE_INVALID');
    expect(reasonOf([{ id: 'a', kind: 'DATE', label: 'A', required: false, scaleMin: 0, scaleMax: 5 }])).toBe('FIELD_SCALE_NOT_ALLOWED');
  });
});
