import { describe, expect, it } from 'vitest';
import { searchForSection, sectionFromSearch, sectionsFor } from './settings.sections';

describe('sectionsFor', () => {
  it('shows every section to a person who works in an account', () => {
    expect(sectionsFor(true)).toEqual(['profile', 'password', 'two-factor', 'sessions', 'tokens', 'alerts']);
  });

  it('leaves out the account’s sections (tokens, alerts) without an account', () => {
    expect(sectionsFor(false)).toEqual(['profile', 'password', 'two-factor', 'sessions']);
  });
});

describe('sectionFromSearch', () => {
  const all = sectionsFor(true);

  it('opens the section the URL names', () => {
    expect(sectionFromSearch(new URLSearchParams('section=sessions'), all)).toBe('sessions');
    expect(sectionFromSearch(new URLSearchParams('section=two-factor'), all)).toBe('two-factor');
  });

  it('opens the profile for no section, an unknown one, or one not shown', () => {
    expect(sectionFromSearch(new URLSearchParams(), all)).toBe('profile');
    expect(sectionFromSearch(new URLSearchParams('section=billing'), all)).toBe('profile');
    expect(sectionFromSearch(new URLSearchParams('section=alerts'), sectionsFor(false))).toBe('profile');
  });

  it('reads back what searchForSection wrote', () => {
    for (const section of all) expect(sectionFromSearch(searchForSection(section), all)).toBe(section);
  });
});

describe('searchForSection', () => {
  it('keeps the plain URL for the profile and names every other section', () => {
    expect(searchForSection('profile').toString()).toBe('');
    expect(searchForSection('sessions').toString()).toBe('section=sessions');
  });
});
