import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldProblem } from '../../core/errors.js';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../settings/settings.service.js';
import { normalisePassword } from './passwords.hashing.js';

/** Longest password accepted, in characters: long enough for any passphrase, short enough to hash cheaply. */
export const PASSWORD_MAX_LENGTH = 256;
/** No account may go below this, whatever its settings say. */
export const PASSWORD_FLOOR_LENGTH = 8;

/**
 * The ~49,000 most common passwords of public breach corpora, most common first (the
 * zxcvbn-ts "common" dictionary, bundled with the package), compared lower-cased.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].map((password) => password.toLowerCase()),
);

/** How many distinct passwords the bundled list refuses. */
export const COMMON_PASSWORD_COUNT = COMMON_PASSWORDS.size;

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(normalisePassword(password).toLowerCase());
}

/** The strictest of several accounts' policies: a person in many accounts meets all of them. */
export function strictestPolicy(policies: readonly PasswordPolicy[]): PasswordPolicy {
  return policies.reduce<PasswordPolicy>(
    (strictest, policy) => ({
      minLength: Math.max(strictest.minLength, policy.minLength),
      characterClasses: Math.max(strictest.characterClasses, policy.characterClasses),
      historyCount: Math.max(strictest.historyCount, policy.historyCount),
      maxAgeDays:
        strictest.maxAgeDays === null
          ? policy.maxAgeDays
          : policy.maxAgeDays === null
            ? strictest.maxAgeDays
            : Math.min(strictest.maxAgeDays, policy.maxAgeDays),
    }),
    DEFAULT_PASSWORD_POLICY,
  );
}

const CLASSES: readonly RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u];

/**
 * Every rule a new password breaks, each as a 422 entry at `loc`: length (counted in
 * characters, after NFKC), the email or its parts, the common-password list, and the
 * character classes when the policy asks for them. Reuse is checked by the service, which
 * holds the history.
 */
export function passwordProblems(
  password: string,
  email: string,
  policy: PasswordPolicy,
  loc: (string | number)[],
): FieldProblem[] {
  const normalised = normalisePassword(password);
  const length = codePointLength(normalised);
  const lower = normalised.toLowerCase();
  const problems: FieldProblem[] = [];
  const minLength = Math.max(policy.minLength, PASSWORD_FLOOR_LENGTH);
  if (length < minLength) {
    problems.push({
      loc,
      msg: `Password must be at least ${String(minLength)} characters long`,
      type: 'value_error.password.too_short',
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({
      loc,
      msg: `Password must be at most ${String(PASSWORD_MAX_LENGTH)} characters long`,
      type: 'value_error.password.too_long',
    });
  }
  if (emailParts(email).some((part) => lower.includes(part))) {
    problems.push({
      loc,
      msg: 'Password must not contain your email address or a part of it',
      type: 'value_error.password.contains_email',
    });
  }
  if (COMMON_PASSWORDS.has(lower)) {
    problems.push({
      loc,
      msg: 'Password is one of the most commonly used passwords',
      type: 'value_error.password.common',
    });
  }
  const classes = CLASSES.filter((pattern) => pattern.test(normalised)).length;
  if (classes < policy.characterClasses) {
    problems.push({
      loc,
      msg: `Password must mix at least ${String(policy.characterClasses)} of: lower case, upper case, digits, symbols`,
      type: 'value_error.password.character_classes',
    });
  }
  return problems;
}

/** The email, its local part and the words of the local part that are long enough to matter. */
function emailParts(email: string): string[] {
  const lower = email.toLowerCase();
  const local = lower.slice(0, Math.max(lower.indexOf('@'), 0));
  return [lower, local, ...local.split(/[^\p{L}\p{Nd}]+/u)].filter((part) => part.length >= 4);
}

/** Characters as NIST SP 800-63B counts them: one per Unicode code point. */
function codePointLength(text: string): number {
  return Array.from(text).length;
}
