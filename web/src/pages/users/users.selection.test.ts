import { describe, expect, it } from 'vitest';
import { bulkOutcome, pageState, teamOutcome, toggled, withPage } from './users.selection';

describe('picking users for a bulk change', () => {
  it('adds and drops one user without touching the set it came from', () => {
    const none = new Set<string>();
    const one = toggled(none, 'u1', true);
    expect([...one]).toEqual(['u1']);
    expect(none.size).toBe(0);
    expect([...toggled(one, 'u1', false)]).toEqual([]);
  });

  it('selects or clears a whole page, keeping users of other pages', () => {
    const picked = withPage(new Set(['elsewhere']), ['u1', 'u2'], true);
    expect([...picked].sort()).toEqual(['elsewhere', 'u1', 'u2']);
    expect([...withPage(picked, ['u1', 'u2'], false)]).toEqual(['elsewhere']);
  });

  it('tells the select-all box whether all, some or none of the page is picked', () => {
    expect(pageState(new Set(['u1', 'u2']), ['u1', 'u2'])).toBe('all');
    expect(pageState(new Set(['u2']), ['u1', 'u2'])).toBe('some');
    expect(pageState(new Set(['x']), ['u1', 'u2'])).toBe('none');
    expect(pageState(new Set(), [])).toBe('none');
  });
});

describe('what a bulk change reports', () => {
  const reason = (error: unknown) => (error instanceof Error ? error.message : 'unknown');

  it('counts what worked, and what failed with each reason once', () => {
    const results: PromiseSettledResult<unknown>[] = [
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('The account must keep at least one active admin') },
      { status: 'rejected', reason: new Error('The account must keep at least one active admin') },
    ];
    expect(bulkOutcome('Deactivated', results, reason)).toEqual({
      worked: 1,
      failed: 2,
      message: 'Deactivated 1 user; 2 users failed: The account must keep at least one active admin',
    });
    expect(bulkOutcome('Deactivated', results.slice(0, 1), reason).message).toBe('Deactivated 1 user.');
  });

  it('says how many team memberships changed and how many were already so', () => {
    expect(teamOutcome('attach', 'Ops', 2, 2)).toBe('Added 2 users to Ops.');
    expect(teamOutcome('attach', 'Ops', 3, 2)).toBe('Added 2 users to Ops; 1 user was already in it.');
    expect(teamOutcome('detach', 'Ops', 3, 1)).toBe('Removed 1 user from Ops; 2 users were not in it.');
  });
});
