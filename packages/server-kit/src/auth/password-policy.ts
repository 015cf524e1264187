// The staff password policy: at least 12 characters with upper- and lower-case letters, a digit
// and a symbol, not one of ~49,000 common passwords (the list zxcvbn-ts ships), and not built
// from the user's own email or name.
import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../errors';

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** The rules a password breaks, as sentences for the person choosing it (empty when it is fine). */
export function passwordProblems(password: string, personal: { email?: string; displayName?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) problems.push(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`Use at most ${MAX_PASSWORD_LENGTH} characters.`);
  if (!/[a-z]/.test(password)) problems.push('Add a lower-case letter.');
  if (!/[A-Z]/.test(password)) problems.push('Add an upper-case letter.');
  if (!/[0-9]/.test(password)) problems.push('Add a digit.');
  if (!/[^A-Za-z0-9]/.test(password)) problems.push('Add a symbol.');
  const lowered = password.toLowerCase();
  // Common passwords dressed up with a capital and a trailing "1!" are still common.
  const core = lowered.replace(/[^a-z0-9]+$/, '').replace(/\d+$/, '');
  if (commonPasswords().has(lowered) || commonPasswords().has(core)) problems.push('This password is too common; choose another.');
  const localPart = personal.email?.split('@')[0]?.toLowerCase();
  const nameParts = (personal.displayName ?? '').toLowerCase().split(/[^a-z]+/).filter((part) => part.length >= 4);
  if ((localPart && localPart.length >= 4 && lowered.includes(localPart)) || nameParts.some((part) => lowered.includes(part))) {
    problems.push('Do not use your name or email in your password.');
  }
  return problems;
}

export function assertPasswordPolicy(password: string, personal: { email?: string; displayName?: string } = {}): void {
  const problems = passwordProblems(password, personal);
  if (problems.length > 0) throw new DomainError('WEAK_PASSWORD', problems.join(' '), { details: { problems } });
}
