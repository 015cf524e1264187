// Twilio's request signature (https://www.twilio.com/docs/usage/webhooks/webhooks-security):
// HMAC-SHA1 keyed with the account's auth token over the full URL Twilio requested (scheme, host,
// path and query) followed by every POST parameter sorted by name, each as name + value; base64,
// sent as X-Twilio-Signature. The twilio package is not a dependency for these few lines.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters in the order Twilio signs them: by name, repeated names by value (as twilio-node does). */
function signedData(url: string, params: Array<[string, string]>): string {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return sorted.reduce((text, [name, value]) => text + name + value, url);
}

export function twilioSignature(authToken: string, url: string, params: Array<[string, string]>): string {
  return createHmac('sha1', authToken).update(Buffer.from(signedData(url, params), 'utf8')).digest('base64');
}

/**
 * Twilio signs the URL as it was configured, which may or may not name the default port; like
 * twilio-node, either form is accepted. Every candidate is compared in constant time.
 */
export function isValidTwilioSignature(authToken: string, url: string, params: Array<[string, string]>, signature: string | undefined): boolean {
  if (!signature) return false;
  const given = Buffer.from(signature);
  let valid = false;
  for (const candidate of urlVariants(url)) {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params));
    if (expected.length === given.length && timingSafeEqual(expected, given)) valid = true;
  }
  return valid;
}

function urlVariants(url: string): string[] {
  const parsed = new URL(url);
  const defaultPort = parsed.protocol === 'https:' ? '443' : parsed.protocol === 'http:' ? '80' : '';
  const explicit = new RegExp(`^(${parsed.protocol}//[^/]*?):${defaultPort}(?=/|$|\\?)`);
  if (explicit.test(url)) return [url, url.replace(explicit, '$1')];
  if (parsed.port || !defaultPort) return [url];
  return [url, `${parsed.protocol}//${parsed.host}:${defaultPort}${url.slice(`${parsed.protocol}//${parsed.host}`.length)}`];
}
