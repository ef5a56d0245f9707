import { describe, expect, it } from 'vitest';
import {
  choiceFromPicker,
  choicesFromGrants,
  grantsFromChoices,
  membersLabel,
  pageCount,
  pageFromSearch,
  pickerValue,
  searchForPage,
} from './teams.grants';

describe('a team’s roles per environment in its form', () => {
  it('offer every environment of the account, with the team’s role or none', () => {
    expect(
      choicesFromGrants({ 'env-b': { role: 'viewer' }, 'env-gone': { role: 'admin' } }, ['env-a', 'env-b']),
    ).toEqual({ 'env-a': null, 'env-b': 'viewer' });
  });

  it('offer "no role" as a choice of its own, which no role key can be', () => {
    expect(choiceFromPicker(pickerValue(null))).toBeNull();
    expect(choiceFromPicker(pickerValue('viewer'))).toBe('viewer');
    expect(choiceFromPicker(null)).toBeNull();
    expect(pickerValue(null)).not.toMatch(/^[a-z][a-z0-9_]{1,62}$/);
  });

  it('go back to the API as a map of the environments with a role only', () => {
    expect(grantsFromChoices({ 'env-a': null, 'env-b': 'viewer', 'env-c': '' })).toEqual({
      'env-b': { role: 'viewer' },
    });
    expect(grantsFromChoices({})).toEqual({});
  });
});

describe('the Teams page in the URL', () => {
  it('reads a page number, and falls back to the first for anything else', () => {
    expect(pageFromSearch(new URLSearchParams('page=3'))).toBe(3);
    for (const bad of ['', 'page=0', 'page=-2', 'page=1.5', 'page=abc', 'page=99999999999']) {
      expect(pageFromSearch(new URLSearchParams(bad)), bad).toBe(1);
    }
  });

  it('leaves the first page bare', () => {
    expect(searchForPage(1).toString()).toBe('');
    expect(searchForPage(2).toString()).toBe('page=2');
  });

  it('counts pages and members', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
    expect(membersLabel(1)).toBe('1 member');
    expect(membersLabel(0)).toBe('0 members');
  });
});
