import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id`: the package's enum is a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

/**
 * argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane). Raising these
 * upgrades each stored hash at its owner's next sign-in.
 */
export const ARGON2_PARAMETERS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Passwords are compared as NFKC, so the same characters typed on two keyboards match. */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

export async function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), ARGON2_PARAMETERS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalisePassword(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a hash nobody's password matches, so a sign-in for an email without an
 * identity costs as long as one with a wrong password and tells nothing about the email.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hash('steward-no-such-identity', ARGON2_PARAMETERS);
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Whether a stored hash was made with weaker (or other) parameters than today's. */
export function needsRehash(passwordHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (match === null) return true;
  const [, memory, passes, lanes] = match.map(Number);
  return (
    memory !== ARGON2_PARAMETERS.memoryCost ||
    passes !== ARGON2_PARAMETERS.timeCost ||
    lanes !== ARGON2_PARAMETERS.parallelism
  );
}
