import { describe, expect, it } from 'vitest';
import { grantsFromGrid, gridFromGrants, NO_ROLE } from './environment-grants';

const PROD = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const STAGE = 'bbbbbbbbbbbbbbbbbbbbbbbb';

describe('the environment × role grid', () => {
  it('has an entry for every environment of the account, none where there is no role', () => {
    expect(gridFromGrants({ [STAGE]: { role: 'developer' } }, [PROD, STAGE])).toEqual({
      [PROD]: NO_ROLE,
      [STAGE]: 'developer',
    });
  });

  it('drops grants in environments the account no longer lists', () => {
    expect(gridFromGrants({ 'env-b': { role: 'viewer' }, 'env-gone': { role: 'admin' } }, ['env-a', 'env-b'])).toEqual({
      'env-a': NO_ROLE,
      'env-b': 'viewer',
    });
  });

  it('leaves environments with no role out of what it sends, and comes back from it', () => {
    const grid = { [PROD]: 'viewer', [STAGE]: NO_ROLE };
    expect(grantsFromGrid(grid)).toEqual({ [PROD]: { role: 'viewer' } });
    expect(gridFromGrants(grantsFromGrid(grid), [PROD, STAGE])).toEqual(grid);
    expect(grantsFromGrid({ [PROD]: NO_ROLE })).toEqual({});
    expect(grantsFromGrid({})).toEqual({});
  });

  it('offers "no role" as a value no role key can be', () => {
    expect(NO_ROLE).not.toMatch(/^[a-z][a-z0-9_]{1,62}$/);
  });
});
