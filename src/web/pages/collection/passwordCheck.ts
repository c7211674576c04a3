// What the accounts page says under a new password as it is typed: the server's own rule
// (src/access/passwordRule.ts, the function accounts.ts applies when the account is saved), so the page
// never accepts a password the server refuses nor refuses one it accepts. Only the accounts page
// imports this (a lazily loaded chunk): the rule and its list of common passwords stay out of the
// first page load.
import { passwordProblem } from '../../../access/passwordRule.ts';

export type PasswordCheck = { state: 'empty' } | { state: 'ok' } | { state: 'problem'; text: string };

/** The password against the rule, for the username it is meant for (as the server reads it: trimmed,
 *  lower-case); while no username is typed yet there is nothing for the password to contain. */
export function checkPassword(password: string, username: string, lang: 'vi' | 'en'): PasswordCheck {
  if (!password) return { state: 'empty' };
  const p = passwordProblem(password, username.trim().toLowerCase() || '\u0000');
  return p ? { state: 'problem', text: p[lang] } : { state: 'ok' };
}
