/** The users picked for a bulk change, by id; every change returns a new set. */
export type Selection = ReadonlySet<string>;

export function toggled(selection: Selection, userId: string, checked: boolean): Selection {
  const next = new Set(selection);
  if (checked) next.add(userId);
  else next.delete(userId);
  return next;
}

/** The select-all box of a page: every user of the page in, or every one out. */
export function withPage(selection: Selection, pageIds: readonly string[], checked: boolean): Selection {
  const next = new Set(selection);
  for (const id of pageIds) {
    if (checked) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** What the select-all box shows: checked, unchecked, or indeterminate for some. */
export function pageState(selection: Selection, pageIds: readonly string[]): 'all' | 'some' | 'none' {
  const picked = pageIds.filter((id) => selection.has(id)).length;
  if (picked === 0) return 'none';
  return picked === pageIds.length ? 'all' : 'some';
}

export const usersCount = (count: number): string => `${String(count)} user${count === 1 ? '' : 's'}`;

/**
 * The words after a change made one call per user: how many worked, how many failed and why
 * (the API's own words, each reason once).
 */
export function bulkOutcome(
  done: string,
  results: readonly PromiseSettledResult<unknown>[],
  reason: (error: unknown) => string,
): { worked: number; failed: number; message: string } {
  const worked = results.filter((r) => r.status === 'fulfilled').length;
  const reasons = [...new Set(results.flatMap((r) => (r.status === 'rejected' ? [reason(r.reason)] : [])))];
  const failed = results.length - worked;
  const message =
    failed === 0
      ? `${done} ${usersCount(worked)}.`
      : `${done} ${usersCount(worked)}; ${usersCount(failed)} failed: ${reasons.join('; ')}`;
  return { worked, failed, message };
}

/** The words after adding to or removing from a team, from the API's `changed_user_ids`. */
export function teamOutcome(operation: 'attach' | 'detach', team: string, asked: number, changed: number): string {
  const unchanged = asked - changed;
  const done =
    operation === 'attach' ? `Added ${usersCount(changed)} to ${team}` : `Removed ${usersCount(changed)} from ${team}`;
  if (unchanged === 0) return `${done}.`;
  const already = operation === 'attach' ? 'already in it' : 'not in it';
  return `${done}; ${usersCount(unchanged)} ${unchanged === 1 ? 'was' : 'were'} ${already}.`;
}
