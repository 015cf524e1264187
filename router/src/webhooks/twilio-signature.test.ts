import { describe, expect, it } from 'vitest';
import { isValidTwilioSignature, twilioSignature } from './twilio-signature';

// Twilio's documented example (webhooks security page): token 12345, this URL and these parameters.
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS: Array<[string, string]> = [
  ['To', '+18005551212'],
  ['CallSid', 'CA1234567890ABCDE'],
  ['Digits', '1234'],
  ['From', '+12349013030'],
  ['Caller', '+12349013030'],
];
const DOCUMENTED = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';

describe('Twilio request signature', () => {
  it("matches Twilio's documented example, whatever order the form came in", () => {
    expect(twilioSignature('12345', URL, PARAMS)).toBe(DOCUMENTED);
    expect(isValidTwilioSignature('12345', URL, PARAMS, DOCUMENTED)).toBe(true);
  });

  it('refuses another token, URL, parameter value, a missing parameter, or a missing or truncated signature', () => {
    expect(isValidTwilioSignature('54321', URL, PARAMS, DOCUMENTED)).toBe(false);
    expect(isValidTwilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=3', PARAMS, DOCUMENTED)).toBe(false);
    expect(isValidTwilioSignature('12345', URL, [...PARAMS.slice(1), ['To', '+18005551213']], DOCUMENTED)).toBe(false);
    expect(isValidTwilioSignature('12345', URL, PARAMS.slice(1), DOCUMENTED)).toBe(false);
    expect(isValidTwilioSignature('12345', URL, [...PARAMS, ['Extra', '']], DOCUMENTED)).toBe(false);
    expect(isValidTwilioSignature('12345', URL, PARAMS, undefined)).toBe(false);
    expect(isValidTwilioSignature('12345', URL, PARAMS, DOCUMENTED.slice(0, -1))).toBe(false);
  });

  it('accepts the URL with or without its default port, as Twilio may sign either', () => {
    const withPort = twilioSignature('12345', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', PARAMS);
    expect(isValidTwilioSignature('12345', URL, PARAMS, withPort)).toBe(true);
    expect(isValidTwilioSignature('12345', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', PARAMS, DOCUMENTED)).toBe(true);
    expect(isValidTwilioSignature('12345', 'https://mycompany.com:8443/myapp.php?foo=1&bar=2', PARAMS, DOCUMENTED)).toBe(false);
  });
});
