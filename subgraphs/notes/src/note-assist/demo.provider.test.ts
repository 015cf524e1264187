import { describe, expect, it } from 'vitest';
import { redactIdentifiers } from './assist-redaction';
import { DEMO_NOTICE, DemoNoteAssistProvider, splitSource } from './demo.provider';

const SOAP = [
  { id: 'subjective', label: 'Subjective', kind: 'LONG_TEXT' },
  { id: 'objective', label: 'Objective', kind: 'LONG_TEXT' },
  { id: 'assessment', label: 'Assessment', kind: 'LONG_TEXT' },
  { id: 'plan', label: 'Plan', kind: 'LONG_TEXT' },
  { id: 'risk_level', label: 'Risk assessment', kind: 'SINGLE_CHOICE', options: ['Low'] },
];

describe('the demo assist provider', () => {
  it('says it is a demo and sorts the clinician’s own bullets into the fields, deterministically', async () => {
    const provider = new DemoNoteAssistProvider();
    expect(provider.name).toBe('demo');
    expect(provider.notice).toBe(DEMO_NOTICE);
    expect(DEMO_NOTICE).toContain('Demo suggestion (no AI service configured)');
    const source = '- Client reports sleeping 4 hours\n- appeared tired, affect flat\n- progress on breathing exercises\n- plan: continue CBT next week\n- talked about her sister';
    const first = await provider.draftNote({ noteType: 'SOAP', fields: SOAP, source });
    expect(first.fields).toEqual({
      subjective: 'Client reports sleeping 4 hours. talked about her sister.',
      objective: 'appeared tired, affect flat.',
      assessment: 'progress on breathing exercises.',
      plan: 'plan: continue CBT next week.',
    });
    expect(await provider.draftNote({ noteType: 'SOAP', fields: SOAP, source })).toEqual(first);
  });

  it('splits bullets and sentences, and proposes codes only from keywords in the text', async () => {
    expect(splitSource('1. One thing. Another!\n* third')).toEqual(['One thing.', 'Another!', 'third']);
    const codes = await new DemoNoteAssistProvider().suggestDiagnoses({ noteType: 'SOAP', text: 'Constant worry and panic attacks at work.' });
    expect(codes.codes.map((code) => code.code)).toEqual(['F41.0', 'F41.1']);
    expect((await new DemoNoteAssistProvider().suggestDiagnoses({ noteType: 'SOAP', text: 'Talked about the garden.' })).codes).toEqual([]);
  });
});

describe('redaction before text leaves Solace', () => {
  const client = { firstName: 'Dana', lastName: 'Reyes-Ortiz', preferredName: 'Dee', dateOfBirth: new Date('1990-04-12'), email: 'dana@example.test', phone: '404-555-0100', addressLine1: '12 Peachtree St' };

  it('removes names, date of birth, contact details and address in the forms people write them', () => {
    const text = 'Dana Reyes-Ortiz (Dee), born April 12, 1990 / 4/12/1990 / 1990-04-12, lives at 12 Peachtree St, call (404) 555-0100 or +1 404 555 0199, mail dana@example.test or d.r@work.test. Ortiz family. Danae is her cousin.';
    const redacted = redactIdentifiers(text, client);
    for (const identifier of ['Reyes', 'Ortiz', 'Dee', '1990', '4/12', 'Peachtree', '555', 'example.test', 'work.test']) expect(redacted).not.toContain(identifier);
    expect(redacted).not.toMatch(/\bDana\b/);
    expect(redacted).toContain('[client]');
    expect(redacted).toContain('[date of birth]');
    // Words that merely start like a name stay.
    expect(redacted).toContain('Danae is her cousin');
  });

  it('leaves clinical text and short numbers alone', () => {
    expect(redactIdentifiers('PHQ-9 score 14, slept 4 hours on 3 nights.', client)).toBe('PHQ-9 score 14, slept 4 hours on 3 nights.');
  });
});
