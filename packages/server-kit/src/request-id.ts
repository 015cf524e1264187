import { randomUUID } from 'node:crypto';

/** A request id for logs and error messages; the prefix says where the request came from. */
export function newRequestIdFor(origin: string): string {
  return `${origin}-${randomUUID()}`;
}
