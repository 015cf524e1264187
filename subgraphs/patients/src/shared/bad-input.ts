import { DomainError } from '@solace/server-kit';

/** Same shape as class-validator refusals (format-error.ts), so a form can mark the field either way. */
export const badInput = (message: string, field: string) => new DomainError('BAD_USER_INPUT', message, { details: { fields: [{ field }] } });
