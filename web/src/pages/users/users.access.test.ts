import { describe, expect, it } from 'vitest';
import { environmentAccess } from './users.access';

const PROD = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const STAGE = 'bbbbbbbbbbbbbbbbbbbbbbbb';

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
