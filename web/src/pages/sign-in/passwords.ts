/** The repeated password's problem, if any: a typo in a new password locks its owner out. */
export function confirmationError(password: string, repeated: string): string | null {
  return password === repeated ? null : 'The passwords differ';
}
