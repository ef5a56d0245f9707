import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../settings/settings.service.js';
import { ARGON2_PARAMETERS, hashPassword, needsRehash, verifyPassword } from './passwords.hashing.js';
import {
  COMMON_PASSWORD_COUNT,
  isCommonPassword,
  PASSWORD_MAX_LENGTH,
  passwordProblems,
  strictestPolicy,
} from './passwords.rules.js';

const EMAIL = 'jane.doe@example.com';
const LOC = ['body', 'password'];

function typesOf(password: string, policy: Partial<PasswordPolicy> = {}, email = EMAIL): string[] {
  return passwordProblems(password, email, { ...DEFAULT_PASSWORD_POLICY, ...policy }, LOC).map((p) => p.type);
}

describe('password length', () => {
  it('asks for 12 characters by default', () => {
    expect(DEFAULT_PASSWORD_POLICY.minLength).toBe(12);
    expect(typesOf('abcdefghijk')).toEqual(['value_error.password.too_short']);
    expect(typesOf('abcdefghijkl')).toEqual([]);
  });

  it('follows an account that raises the minimum, and never goes below 8', () => {
    expect(typesOf('abcdefghijklmno', { minLength: 16 })).toEqual(['value_error.password.too_short']);
    expect(typesOf('abcdefghijklmnop', { minLength: 16 })).toEqual([]);
    expect(typesOf('abcdefg', { minLength: 4 })).toEqual(['value_error.password.too_short']);
    expect(passwordProblems('abcdefghijk', EMAIL, { ...DEFAULT_PASSWORD_POLICY, minLength: 16 }, LOC)[0]?.msg).toBe(
      'Password must be at least 16 characters long',
    );
  });

  it('accepts 64 characters and more, up to 256', () => {
    const phrase = (length: number) => 'a long and winding passphrase '.repeat(10).slice(0, length);
    expect(typesOf(phrase(64))).toEqual([]);
    expect(PASSWORD_MAX_LENGTH).toBe(256);
    expect(typesOf(phrase(256).padEnd(256, 'x'))).toEqual([]);
    expect(typesOf(phrase(256).padEnd(257, 'x'))).toEqual(['value_error.password.too_long']);
  });

  it('counts characters (code points after NFKC), not UTF-16 units', () => {
    expect(typesOf('🔑'.repeat(12))).toEqual([]);
    expect(typesOf('🔑'.repeat(11))).toEqual(['value_error.password.too_short']);
    // "ﬃ" is one character typed, three after compatibility normalisation
    expect(typesOf('ﬃﬃﬃﬃ')).toEqual([]);
  });
});

describe('any Unicode, compared as NFKC', () => {
  it('accepts letters of any script, spaces and symbols', () => {
    expect(typesOf('Пароль — 日本語のパスワード ✓')).toEqual([]);
  });

  it('verifies a password typed with compatibility forms against the hash of its plain form', async () => {
    const stored = await hashPassword('Correct Horse 42');
    expect(await verifyPassword(stored, 'Ｃｏｒｒｅｃｔ Ｈｏｒｓｅ ４２')).toBe(true);
    expect(await verifyPassword(stored, 'Correct Horse 43')).toBe(false);
  });
});

describe('the email', () => {
  it('refuses the whole address, its local part and its words, in any case', () => {
    const broken = ['value_error.password.contains_email'];
    expect(typesOf('my jane.doe@example.com!')).toEqual(broken);
    expect(typesOf('xxJANE.DOExx-long')).toEqual(broken);
    expect(typesOf('hello jane, how are you')).toEqual(broken);
    expect(typesOf('hello john, how are you')).toEqual([]);
  });
});

describe('the common-password list', () => {
  it('bundles at least the 10,000 most common passwords', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(10_000);
  });

  it('refuses a listed password whatever its case, even when long enough', () => {
    expect(isCommonPassword('1QAZ2wsx3edc')).toBe(true);
    expect(typesOf('1qaz2wsx3edc')).toEqual(['value_error.password.common']);
    expect(typesOf('password', { minLength: 8 })).toEqual(['value_error.password.common']);
    expect(isCommonPassword('correct horse battery staple 42')).toBe(false);
  });
});

describe('character classes (opt-in)', () => {
  it('asks nothing by default', () => {
    expect(DEFAULT_PASSWORD_POLICY.characterClasses).toBe(0);
    expect(typesOf('only lower case words')).toEqual([]);
  });

  it('refuses a password mixing fewer classes than the policy asks', () => {
    const broken = ['value_error.password.character_classes'];
    expect(typesOf('onlylowercasewords', { characterClasses: 2 })).toEqual(broken);
    // a space is a symbol: lower case and spaces are two classes
    expect(typesOf('only lower case words', { characterClasses: 2 })).toEqual([]);
    expect(typesOf('LowerAndUpperWords', { characterClasses: 3 })).toEqual(broken);
    expect(typesOf('Lower Upper and 42', { characterClasses: 3 })).toEqual([]);
    expect(typesOf('Lower Upper and 42', { characterClasses: 4 })).toEqual([]);
    expect(typesOf('LowerUpperAnd42', { characterClasses: 4 })).toEqual(broken);
    // letters of other scripts with case count as upper or lower case
    expect(typesOf('Ωmega ωmega 12345', { characterClasses: 4 })).toEqual([]);
  });
});

describe('every rule at once', () => {
  it('names each rule broken, all at the same location', () => {
    const problems = passwordProblems(
      'qwerty',
      'qwerty@example.com',
      { ...DEFAULT_PASSWORD_POLICY, characterClasses: 3 },
      LOC,
    );
    expect(problems.map((p) => p.type)).toEqual([
      'value_error.password.too_short',
      'value_error.password.contains_email',
      'value_error.password.common',
      'value_error.password.character_classes',
    ]);
    expect(problems.every((p) => p.loc === LOC && p.msg.length > 0)).toBe(true);
  });
});

describe('the strictest policy of several accounts', () => {
  it('takes the longest minimum, the most classes, the longest history and the shortest age', () => {
    expect(
      strictestPolicy([
        { minLength: 16, characterClasses: 0, historyCount: 5, maxAgeDays: null },
        { minLength: 10, characterClasses: 3, historyCount: 2, maxAgeDays: 90 },
        { minLength: 12, characterClasses: 0, historyCount: 0, maxAgeDays: 30 },
      ]),
    ).toEqual({ minLength: 16, characterClasses: 3, historyCount: 5, maxAgeDays: 30 });
  });

  it('is the default for a person in no account, and never weaker than it', () => {
    expect(strictestPolicy([])).toEqual(DEFAULT_PASSWORD_POLICY);
    expect(strictestPolicy([{ minLength: 8, characterClasses: 0, historyCount: 0, maxAgeDays: null }]).minLength).toBe(
      12,
    );
  });
});

describe('argon2id hashing', () => {
  it('uses argon2id with at least 19 MiB and 2 passes', async () => {
    expect(ARGON2_PARAMETERS.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
    expect(ARGON2_PARAMETERS.timeCost).toBeGreaterThanOrEqual(2);
    const stored = await hashPassword('correct horse battery staple 42');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(stored)).toBe(false);
  });

  it('asks to rehash a hash made with weaker parameters', () => {
    expect(needsRehash('$argon2id$v=19$m=4096,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=19456,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe(true);
    expect(needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g')).toBe(true);
  });
});
