import type { Answer } from '../../api/types';

export type Team = Answer<'get_team'>;
export type TeamGrants = Team['environments'];

/** The role picked per environment in the team form; null is no role there. */
export type GrantChoices = Record<string, string | null>;

/**
 * The picker's value for "no role here": a choice as real as a role, so the keyboard reaches
 * it like any option. No role key can be it (keys start with a letter).
 */
export const NO_ROLE = '-';

/** The picker's value for a choice, and back. */
export function pickerValue(role: string | null): string {
  return role ?? NO_ROLE;
}

export function choiceFromPicker(value: string | null): string | null {
  return value === null || value === NO_ROLE ? null : value;
}

/** The form's choices for a team's grants: one per environment of the account, in its order. */
export function choicesFromGrants(grants: TeamGrants, environmentIds: readonly string[]): GrantChoices {
  return Object.fromEntries(environmentIds.map((id) => [id, grants[id]?.role ?? null]));
}

/**
 * The `environments` body of a team from the form's choices: environments with no role are
 * left out, which is how the API says "none" (a PATCH replaces the whole map).
 */
export function grantsFromChoices(choices: GrantChoices): Record<string, { role: string }> {
  const grants: Record<string, { role: string }> = {};
  for (const [environmentId, role] of Object.entries(choices)) {
    if (role !== null && role !== '') grants[environmentId] = { role };
  }
  return grants;
}

/** The `?page=` of the Teams URL: a whole number from 1, else the first page. */
export function pageFromSearch(search: URLSearchParams): number {
  const page = Number(search.get('page'));
  return Number.isInteger(page) && page >= 1 && page <= 1_000_000_000 ? page : 1;
}

/** The Teams URL's query for a page; the first page has a bare URL. */
export function searchForPage(page: number): URLSearchParams {
  return new URLSearchParams(page > 1 ? { page: String(page) } : {});
}

/** How many pages `total` items fill; at least one, so an empty list still shows page 1. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "3 members", "1 member". */
export function membersLabel(count: number): string {
  return `${String(count)} member${count === 1 ? '' : 's'}`;
}
