/** A role per environment as the grid edits it: environment id → role key, `NO_ROLE` for none. */
export type RoleGrid = Record<string, string>;

/**
 * The grid's value for "no role here": an option as real as a role, so the keyboard reaches it
 * like any other. No role key can be it (keys start with a letter).
 */
export const NO_ROLE = '';

/** How the API writes a user's or a team's roles: environment id → `{ role }`, none left out. */
export type EnvironmentGrants = Readonly<Record<string, { role: string } | undefined>>;

/** The grid for `grants`: one entry per environment of the account, in its order. */
export function gridFromGrants(grants: EnvironmentGrants, environmentIds: readonly string[]): RoleGrid {
  return Object.fromEntries(environmentIds.map((id) => [id, grants[id]?.role ?? NO_ROLE]));
}

/**
 * The API's `environments` map for a grid: environments with no role are left out, which is
 * how the API says "none" (a PATCH replaces the whole map).
 */
export function grantsFromGrid(grid: RoleGrid): Record<string, { role: string }> {
  return Object.fromEntries(
    Object.entries(grid)
      .filter(([, role]) => role !== NO_ROLE)
      .map(([id, role]) => [id, { role }]),
  );
}
