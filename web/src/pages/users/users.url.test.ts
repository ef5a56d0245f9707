import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  inTeam,
  listQuery,
  searchedFor,
  searchFromView,
  sortedBy,
  SORT_KEYS,
  viewFromSearch,
  withPageSize,
  type UsersView,
} from './users.url';

const parse = (query: string): UsersView => viewFromSearch(new URLSearchParams(query));

describe('the Users table’s view in the URL', () => {
  it('is the API’s default view for a bare URL, and a bare URL for the default view', () => {
    expect(parse('')).toEqual(DEFAULT_VIEW);
    expect(searchFromView(DEFAULT_VIEW).toString()).toBe('');
  });

  it('comes back the same from its own URL', () => {
    const view: UsersView = {
      name: 'ann lee',
      teamId: '0123456789abcdef01234567',
      sortBy: 'user_email',
      sortOrder: 'asc',
      page: 3,
      pageSize: 100,
    };
    expect(searchFromView(view).toString()).toBe(
      'q=ann+lee&team=0123456789abcdef01234567&sort=user_email&order=asc&page=3&size=100',
    );
    expect(viewFromSearch(searchFromView(view))).toEqual(view);
  });

  it('falls back to defaults for values the API would refuse', () => {
    expect(parse('sort=password&order=sideways&page=0&size=7')).toEqual(DEFAULT_VIEW);
    expect(parse('page=2.5').page).toBe(1);
    expect(parse('page=-3').page).toBe(1);
    expect(parse('page=99999999999').page).toBe(1);
    expect(parse(`q=${'x'.repeat(300)}`).name).toHaveLength(200);
    expect(parse('team=not-a-team').teamId).toBe('');
    expect(parse('team=0123456789ABCDEF01234567').teamId).toBe('');
  });

  it('takes a sort key’s natural order when the URL names none', () => {
    expect(parse('sort=user_name').sortOrder).toBe('asc');
    expect(parse('sort=last_login').sortOrder).toBe('desc');
  });

  it('asks the API with its own parameter names, leaving out an empty search', () => {
    expect(listQuery({ ...DEFAULT_VIEW, name: '  ' })).toEqual({
      page: 1,
      items_per_page: 20,
      sort_by: 'created_at',
      sort_order: 'desc',
    });
    expect(
      listQuery({
        name: ' ann ',
        teamId: '0123456789abcdef01234567',
        sortBy: 'source',
        sortOrder: 'asc',
        page: 2,
        pageSize: 50,
      }),
    ).toEqual({
      name: 'ann',
      team_id: ['0123456789abcdef01234567'],
      page: 2,
      items_per_page: 50,
      sort_by: 'source',
      sort_order: 'asc',
    });
  });

  it('knows every sort key of the Users API', () => {
    expect([...SORT_KEYS].sort()).toEqual(
      ['created_at', 'invited_by', 'is_admin', 'last_login', 'source', 'user_email', 'user_name'].sort(),
    );
  });
});

describe('changing the view', () => {
  const onPage3: UsersView = { ...DEFAULT_VIEW, page: 3 };

  it('flips the order when the sorted column is clicked again, and starts another column in its natural order', () => {
    const byName = sortedBy(onPage3, 'user_name');
    expect(byName).toMatchObject({ sortBy: 'user_name', sortOrder: 'asc', page: 1 });
    expect(sortedBy(byName, 'user_name').sortOrder).toBe('desc');
    expect(sortedBy(byName, 'created_at')).toMatchObject({ sortBy: 'created_at', sortOrder: 'desc' });
  });

  it('goes back to page 1 for a new search or page size, and stays put when nothing changes', () => {
    expect(searchedFor(onPage3, 'ann').page).toBe(1);
    expect(searchedFor(onPage3, '')).toBe(onPage3);
    expect(withPageSize(onPage3, 50)).toMatchObject({ pageSize: 50, page: 1 });
    expect(withPageSize(onPage3, 20)).toBe(onPage3);
    expect(inTeam(onPage3, '0123456789abcdef01234567')).toMatchObject({ teamId: '0123456789abcdef01234567', page: 1 });
    expect(inTeam(onPage3, '')).toBe(onPage3);
  });
});
