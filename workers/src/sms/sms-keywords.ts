// What a client's text to the practice number asks for, by Twilio's standard keywords (its default
// opt-out handling answers them itself; Solace mirrors the effect on Client.reminderSms):
// https://help.twilio.com/articles/223134027 — opt-out STOP, STOPALL, UNSUBSCRIBE, CANCEL, END,
// QUIT and, since 2024, OPTOUT and REVOKE; opt-in START, UNSTOP, YES; HELP and INFO get help text.
export type SmsKeywordAction = 'OPT_OUT' | 'OPT_IN' | 'HELP' | 'NONE';

/** A phone number as Twilio names it (E.164). */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;
/** Twilio's id of an SMS (SM…) or MMS (MM…) message. */
export const MESSAGE_SID_PATTERN = /^(SM|MM)[0-9a-fA-F]{32}$/;

export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'] as const;
export const OPT_IN_KEYWORDS = ['START', 'UNSTOP', 'YES'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

const has = (list: readonly string[], word: string) => list.includes(word);

/**
 * The message must be the keyword alone, in any case, with surrounding spaces. An opt-out is also
 * read through trailing punctuation ("Stop!"): honouring a request to stop errs on the safe side
 * (the FCC counts any reasonable way of revoking consent). An opt-in must be exact, so a chatty
 * "yes." or "yes see you then" never switches texts back on.
 */
export function readSmsKeyword(body: string): { action: SmsKeywordAction; keyword: string | null } {
  const exact = body.trim().toUpperCase();
  const loose = exact.replace(/[\s.!?,;:'"]+$/u, '').replace(/^[\s.!?,;:'"]+/u, '');
  if (has(OPT_OUT_KEYWORDS, loose)) return { action: 'OPT_OUT', keyword: loose };
  if (has(OPT_IN_KEYWORDS, exact)) return { action: 'OPT_IN', keyword: exact };
  if (has(HELP_KEYWORDS, loose)) return { action: 'HELP', keyword: loose };
  return { action: 'NONE', keyword: null };
}
