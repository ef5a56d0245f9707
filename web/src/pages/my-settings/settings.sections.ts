/** The sections of My settings, in the order the tabs show them; `?section=` in the URL names one. */
export const SECTIONS = ['profile', 'password', 'two-factor', 'sessions', 'tokens', 'alerts'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<Section, string> = {
  profile: 'Profile',
  password: 'Password',
  'two-factor': 'Two-factor',
  sessions: 'My sessions',
  tokens: 'My API tokens',
  alerts: 'Email alerts',
};

/** API tokens and email alerts belong to the account the session works in: without one, they are not shown. */
const NEED_ACCOUNT: ReadonlySet<Section> = new Set(['tokens', 'alerts']);

export function sectionsFor(worksInAccount: boolean): Section[] {
  return SECTIONS.filter((section) => worksInAccount || !NEED_ACCOUNT.has(section));
}

/** The section a URL asks for; an unknown one, or one this person does not see, opens the first. */
export function sectionFromSearch(search: URLSearchParams, shown: readonly Section[]): Section {
  const asked = search.get('section');
  return shown.find((section) => section === asked) ?? shown[0] ?? 'profile';
}

/** The URL query of a section: the first one is the plain `/settings`. */
export function searchForSection(section: Section): URLSearchParams {
  return new URLSearchParams(section === SECTIONS[0] ? {} : { section });
}
