import { describe, expect, it } from 'vitest';
import { membersLabel, searchForPage } from './teams.grants';

describe('the Teams page in the URL', () => {
  it('leaves the first page bare', () => {
    expect(searchForPage(1).toString()).toBe('');
    expect(searchForPage(2).toString()).toBe('page=2');
  });

  it('counts members', () => {
    expect(membersLabel(1)).toBe('1 member');
    expect(membersLabel(0)).toBe('0 members');
  });
});
