import { describe, expect, it } from 'vitest';
import { pageCount, pageFromSearch } from './paging';

describe('pages of a list', () => {
  it('counts at least one page', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
    expect(pageCount(41, 20)).toBe(3);
    expect(pageCount(31, 200)).toBe(1);
  });

  it('reads a page number from the URL, and falls back to the first for anything else', () => {
    expect(pageFromSearch(new URLSearchParams('page=3'))).toBe(3);
    expect(pageFromSearch(new URLSearchParams('q=ann&page=1000000000'))).toBe(1_000_000_000);
    for (const bad of ['', 'page=', 'page=0', 'page=-2', 'page=1.5', 'page=abc', 'page=99999999999']) {
      expect(pageFromSearch(new URLSearchParams(bad)), bad).toBe(1);
    }
  });
});
