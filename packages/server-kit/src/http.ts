import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from './errors';

export const MAX_BODY_BYTES = 1_000_000;

/** Reads a JSON request body, refusing anything larger than MAX_BODY_BYTES. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new DomainError('BAD_USER_INPUT', 'The request body is too large.', { details: { status: 413 } });
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (cause) {
    throw new DomainError('BAD_USER_INPUT', 'The request body is not valid JSON.', { cause });
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export function sendGraphQLError(res: ServerResponse, status: number, error: DomainError, extra: Record<string, unknown> = {}): void {
  sendJson(res, status, { errors: [{ message: error.message, extensions: { code: error.code, ...extra } }] });
}
