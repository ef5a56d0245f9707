import { randomBytes } from 'node:crypto';

export const ID_PATTERN = '^[0-9a-f]{24}$';
const ID_REGEX = new RegExp(ID_PATTERN);

/**
 * A 24-character lowercase hex id, shaped like the reference's ids: four bytes of seconds
 * then eight random bytes, so ids created close together sit close together in indexes.
 */
export function newId(now: Date = new Date()): string {
  const seconds = Math.floor(now.getTime() / 1000) >>> 0;
  return seconds.toString(16).padStart(8, '0') + randomBytes(8).toString('hex');
}

export function isId(value: string): boolean {
  return ID_REGEX.test(value);
}
