import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('passkey relying party from config', () => {
  it('defaults to the first web origin that has a domain name (WebAuthn refuses IP addresses)', () => {
    expect(loadConfig({}).passkeyRpId).toBe('localhost');
    expect(loadConfig({ SOLACE_WEB_ORIGINS: 'http://127.0.0.1:3000, https://app.clinic.example' }).passkeyRpId).toBe('app.clinic.example');
    expect(loadConfig({ SOLACE_WEB_ORIGINS: 'http://127.0.0.1:3000' }).passkeyRpId).toBe('localhost');
  });

  it('takes SOLACE_PASSKEY_RP_ID when set, e.g. the parent domain of several web origins', () => {
    const config = loadConfig({ SOLACE_WEB_ORIGINS: 'https://app.clinic.example,https://admin.clinic.example', SOLACE_PASSKEY_RP_ID: 'clinic.example' });
    expect(config).toMatchObject({ passkeyRpId: 'clinic.example', webOrigins: ['https://app.clinic.example', 'https://admin.clinic.example'] });
  });
});
