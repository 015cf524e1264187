// Twilio's webhooks, the router's only non-GraphQL writes (the router is the only service facing
// the network, so Twilio calls it):
//   POST /webhooks/twilio/sms     an inbound text to the practice number (STOP, START, HELP...)
//   POST /webhooks/twilio/status  a status callback for a reminder text (queued ... delivered)
// Each request must carry a valid X-Twilio-Signature over the public URL and its form; anything
// else is refused with 403 before any work. A verified event becomes a router-internal mutation
// through the gateway, signed to the owning subgraph as the system caller 'twilio-webhook'
// (server-kit auth/system-caller.ts): no user token, and no anonymous caller, can run it.
import { newRequestId, type RouterContext } from '../identity';
import { parse, type DocumentNode, type ExecutionResult } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TWILIO_WEBHOOK_PATHS, type Logger } from '@solace/server-kit';
import { isValidTwilioSignature } from './twilio-signature';

export type TwilioWebhookKind = keyof typeof TWILIO_WEBHOOK_PATHS;

/** Twilio's form posts are small (a text is at most 1,600 characters); anything larger is not Twilio. */
const MAX_FORM_BYTES = 64 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const RECORD_INBOUND = parse('mutation RecordInboundSms($from: String!, $body: String!, $messageSid: String!) { recordInboundSms(from: $from, body: $body, messageSid: $messageSid) { action clientsChanged } }');
const RECORD_STATUS = parse(
  'mutation RecordSmsDeliveryStatus($messageSid: String!, $messageStatus: String!, $errorCode: String) { recordSmsDeliveryStatus(messageSid: $messageSid, messageStatus: $messageStatus, errorCode: $errorCode) { found updated } }',
);

export interface TwilioWebhookDeps {
  /** null: Twilio is not configured here, and the webhooks answer 503. */
  authToken: string | null;
  /** The router's public base URL (SOLACE_PUBLIC_API_URL), which Twilio signs. */
  publicApiUrl: string;
  execute(document: DocumentNode, variables: Record<string, unknown>, operationName: string, context: RouterContext): Promise<ExecutionResult>;
  log: Logger;
}

export function twilioWebhookKind(pathname: string): TwilioWebhookKind | null {
  if (pathname === TWILIO_WEBHOOK_PATHS.sms) return 'sms';
  if (pathname === TWILIO_WEBHOOK_PATHS.status) return 'status';
  return null;
}

function reply(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType }).end(text);
}

/** The raw form, or null when it is larger than Twilio ever sends. */
async function readForm(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function handleTwilioWebhook(kind: TwilioWebhookKind, req: IncomingMessage, res: ServerResponse, deps: TwilioWebhookDeps): Promise<void> {
  const requestId = newRequestId(req.headers['x-request-id']);
  res.setHeader('x-request-id', requestId);
  const log = deps.log.child({ requestId, webhook: `twilio-${kind}` });
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return reply(res, 405, 'Twilio webhooks are POST requests.');
  }
  if (!deps.authToken) {
    log.warn('Twilio webhook called but TWILIO_AUTH_TOKEN is not set');
    return reply(res, 503, 'Twilio webhooks are not configured (TWILIO_AUTH_TOKEN).');
  }
  const signature = req.headers['x-twilio-signature'];
  if (typeof signature !== 'string' || signature === '') return reply(res, 403, 'Missing X-Twilio-Signature.');
  if (!String(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return reply(res, 400, 'Twilio webhooks are application/x-www-form-urlencoded.');
  }
  const raw = await readForm(req);
  if (raw === null) return reply(res, 413, 'The request body is too large.');
  const params = [...new URLSearchParams(raw).entries()];
  const url = `${deps.publicApiUrl}${req.url ?? ''}`;
  if (!isValidTwilioSignature(deps.authToken, url, params, signature)) {
    log.warn({ url }, 'Twilio webhook refused: the signature does not match');
    return reply(res, 403, 'The X-Twilio-Signature does not match.');
  }

  const form = new Map<string, string>();
  for (const [name, value] of params) {
    if (form.has(name)) return reply(res, 400, `The parameter ${name} is repeated.`);
    form.set(name, value);
  }
  const missing = (kind === 'sms' ? ['MessageSid', 'From', 'Body'] : ['MessageSid', 'MessageStatus']).filter((name) => !form.has(name));
  if (missing.length) return reply(res, 400, `Missing ${missing.join(', ')}.`);

  const context: RouterContext = { requestId, user: null, system: 'twilio-webhook', log, ip: req.socket.remoteAddress ?? null, userAgent: req.headers['user-agent']?.slice(0, 512) ?? null };
  const result =
    kind === 'sms'
      ? await deps.execute(RECORD_INBOUND, { from: form.get('From'), body: form.get('Body'), messageSid: form.get('MessageSid') }, 'RecordInboundSms', context)
      : await deps.execute(RECORD_STATUS, { messageSid: form.get('MessageSid'), messageStatus: form.get('MessageStatus'), errorCode: form.get('ErrorCode') || null }, 'RecordSmsDeliveryStatus', context);
  const codes = (result.errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  if (codes.includes('BAD_USER_INPUT')) return reply(res, 400, result.errors![0]!.message);
  if (codes.length) {
    // Twilio retries on a 5xx, and every handler is idempotent, so a passing failure heals itself.
    log.error({ codes, errors: result.errors }, 'Twilio webhook could not be applied');
    return reply(res, 500, 'The webhook could not be applied; Twilio will retry.');
  }
  log.info({ result: result.data }, 'Twilio webhook applied');
  // Empty TwiML: Solace sends no reply of its own, so Twilio's standard STOP/START/HELP answers go out.
  return reply(res, 200, EMPTY_TWIML, 'text/xml; charset=utf-8');
}
