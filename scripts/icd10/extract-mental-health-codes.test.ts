import { describe, expect, it } from 'vitest';
import { extractMentalHealthCodes, withDot } from './extract-mental-health-codes';

describe('ICD-10-CM extraction', () => {
  it('keeps chapter F and the chosen Z codes, with the dot after the category', () => {
    const cms = ['E8889   Other specified metabolic disorders', 'F0150   Vascular dementia, unspecified severity', 'F32A    Depression, unspecified', 'F99     Mental disorder, not otherwise specified', 'G4700   Insomnia, unspecified', 'Z590    Homelessness', 'Z6710   Type A blood, Rh positive', 'Z9151   Personal history of suicidal behavior', 'Z9181   History of falling'].join('\n');
    expect(extractMentalHealthCodes(cms).map((c) => c.code)).toEqual(['F01.50', 'F32.A', 'F99', 'Z59.0', 'Z91.51']);
    expect(withDot('F4310')).toBe('F43.10');
  });
});
