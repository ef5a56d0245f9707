import { describe, expect, it } from 'vitest';
import { environmentAccess, environmentsFromGrid, gridFromEnvironments, NO_ACCESS } from './users.access';

const PROD = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const STAGE = 'bbbbbbbbbbbbbbbbbbbbbbbb';

describe('the environment × role grid', () => {
  it('has a row for every environment of the account, “No access” where the user has no role', () => {
    expect(gridFromEnvironments({ [STAGE]: { role: 'developer' } }, [PROD, STAGE])).toEqual({
      [PROD]: NO_ACCESS,
      [STAGE]: 'developer',
    });
  });

  it('leaves environments without access out of what it sends, and comes back from it', () => {
    const grid = { [PROD]: 'viewer', [STAGE]: NO_ACCESS };
    expect(environmentsFromGrid(grid)).toEqual({ [PROD]: { role: 'viewer' } });
    expect(gridFromEnvironments(environmentsFromGrid(grid), [PROD, STAGE])).toEqual(grid);
    expect(environmentsFromGrid({ [PROD]: NO_ACCESS })).toEqual({});
  });
});

describe('the permissions view', () => {
  const environments = new Map([
    [PROD, 'Production'],
    [STAGE, 'Staging'],
  ]);
  const roles = new Map([['viewer', 'Viewer']]);

  it('lists every environment in the account’s order, naming roles and sorting privileges', () => {
    const rows = environmentAccess(
      {
        environments: { [STAGE]: { role: 'viewer', roles: ['viewer', 'custom_1'], privileges: ['b:read', 'a:read'] } },
        account_privileges: [],
      },
      environments,
      roles,
    );
    expect(rows).toEqual([
      { environmentId: PROD, name: 'Production', roles: [], privileges: [] },
      { environmentId: STAGE, name: 'Staging', roles: ['Viewer', 'custom_1'], privileges: ['a:read', 'b:read'] },
    ]);
  });

  it('shows an environment it has no name for under its id, last', () => {
    const rows = environmentAccess(
      { environments: { cccccccccccccccccccccccc: { role: null, roles: [], privileges: [] } }, account_privileges: [] },
      environments,
      roles,
    );
    expect(rows.map((row) => row.name)).toEqual(['Production', 'Staging', 'cccccccccccccccccccccccc']);
  });
});
