import { describe, expect, it } from 'vitest';
import { parseSearch } from './search-terms';

const none = { name: null, dateOfBirth: null, phoneDigits: null, id: null, idPrefix: null };

describe('parseSearch', () => {
  it('reads names, lowercased and single-spaced', () => {
    expect(parseSearch('  Alex   RIVRA ')).toEqual({ ...none, name: 'alex rivra' });
  });
  it('reads dates of birth in both formats and refuses impossible ones', () => {
    expect(parseSearch('1988-02-29')).toEqual({ ...none, dateOfBirth: '1988-02-29' });
    expect(parseSearch('2/29/1988')).toEqual({ ...none, dateOfBirth: '1988-02-29' });
    expect(parseSearch('02/30/1988')).toEqual(none);
  });
  it('reads phone digits however they were typed', () => {
    expect(parseSearch('(555) 010-2000')).toEqual({ ...none, phoneDigits: '5550102000' });
    expect(parseSearch('123')).toEqual(none);
  });
  it('reads a whole client id or its first 8 characters (which may also be digits or a name)', () => {
    expect(parseSearch('3F2504E0-4F89-41D3-9A0C-0305E82C3301')).toEqual({ ...none, id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' });
    expect(parseSearch('3f2504e0')).toEqual({ ...none, idPrefix: '3f2504e0', name: '3f2504e0' });
    expect(parseSearch('12345678')).toEqual({ ...none, idPrefix: '12345678', phoneDigits: '12345678' });
  });
});
