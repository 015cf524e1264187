import { describe, expect, it } from 'vitest';
import type { TemplateFieldDefinition } from '../templates/template-definition';
import { missingRequired, validateContent } from './note-content';

const FIELDS: TemplateFieldDefinition[] = [
  { id: 'story', kind: 'LONG_TEXT', label: 'Story', required: true },
  { id: 'mood', kind: 'SINGLE_CHOICE', label: 'Mood', required: true, options: ['Low', 'Even', 'High'] },
  { id: 'skills', kind: 'MULTIPLE_CHOICE', label: 'Skills', required: false, options: ['A', 'B'] },
  { id: 'sleep', kind: 'SCALE', label: 'Sleep', required: false, scaleMin: 0, scaleMax: 10 },
  { id: 'consent', kind: 'CHECKBOX', label: 'Consent discussed', required: true },
  { id: 'next', kind: 'DATE', label: 'Next', required: false },
];

const reasonOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { details?: { reason?: string } }).details?.reason;
  }
  return 'accepted';
};

describe('note content', () => {
  it('accepts values of the right kind and keeps empties as null', () => {
    expect(validateContent(FIELDS, { story: 'Hi', mood: 'Low', skills: ['B'], sleep: 0, consent: false, next: '2026-02-28' })).toEqual({ story: 'Hi', mood: 'Low', skills: ['B'], sleep: 0, consent: false, next: '2026-02-28' });
    expect(validateContent(FIELDS, { story: '', skills: [] })).toEqual({ story: null, skills: null });
  });

  it('refuses unknown fields and values outside the field', () => {
    expect(reasonOf(() => validateContent(FIELDS, { other: 'x' }))).toBe('UNKNOWN_FIELD');
    expect(reasonOf(() => validateContent(FIELDS, { mood: 'Great' }))).toBe('INVALID_FIELD_VALUE');
    expect(reasonOf(() => validateContent(FIELDS, { skills: ['A', 'A'] }))).toBe('INVALID_FIELD_VALUE');
    expect(reasonOf(() => validateContent(FIELDS, { sleep: 11 }))).toBe('INVALID_FIELD_VALUE');
    expect(reasonOf(() => validateContent(FIELDS, { sleep: 2.5 }))).toBe('INVALID_FIELD_VALUE');
    expect(reasonOf(() => validateContent(FIELDS, { consent: 'yes' }))).toBe('INVALID_FIELD_VALUE');
    expect(reasonOf(() => validateContent(FIELDS, { next: '2026-02-30' }))).toBe('INVALID_FIELD_VALUE');
    expect(reasonOf(() => validateContent(FIELDS, { story: 'x'.repeat(50_001) }))).toBe('INVALID_FIELD_VALUE');
  });

  it('lists required fields still empty; a required checkbox must be ticked', () => {
    expect(missingRequired(FIELDS, {})).toEqual(['story', 'mood', 'consent']);
    expect(missingRequired(FIELDS, { story: '  ', mood: 'Even', consent: false })).toEqual(['story', 'consent']);
    expect(missingRequired(FIELDS, { story: 'Done', mood: 'Even', consent: true })).toEqual([]);
  });
});
