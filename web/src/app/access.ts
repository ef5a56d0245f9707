import type { Me } from '../api/types';

/** Whether the person holds an account-wide privilege (`users:manage`, …) in the account they work in. */
export function holds(me: Me, privilege: string): boolean {
  return me.account_privileges.includes(privilege);
}

export type SectionKey = Me['preferences']['landing_page'] | 'accounts';

export interface Section {
  key: SectionKey;
  label: string;
  path: string;
  /**
   * Whether the person may read the section at all, as the API decides it (a list route's
   * scope and the privilege it asks of a session); the page then offers only what they may do.
   */
  shownTo: (me: Me) => boolean;
}

const everyone = (): boolean => true;
const holding = (privilege: string) => (me: Me) => holds(me, privilege);

/** The console's sections, in the order the navigation shows them. */
export const SECTIONS: readonly Section[] = [
  { key: 'users', label: 'Users', path: '/users', shownTo: holding('users:view') },
  { key: 'teams', label: 'Teams', path: '/teams', shownTo: holding('users:view') },
  { key: 'roles', label: 'Roles', path: '/roles', shownTo: everyone },
  { key: 'environments', label: 'Environments', path: '/environments', shownTo: everyone },
  { key: 'tokens', label: 'API tokens', path: '/tokens', shownTo: everyone },
  { key: 'security', label: 'Security', path: '/security', shownTo: holding('settings:manage') },
  { key: 'accounts', label: 'Accounts', path: '/accounts', shownTo: (me) => me.is_super_admin },
  { key: 'settings', label: 'My settings', path: '/settings', shownTo: everyone },
];

export function sectionsFor(me: Me): Section[] {
  return SECTIONS.filter((section) => section.shownTo(me));
}

/**
 * Where the person lands after signing in: the page they chose (My settings), unless they may
 * not read it in the account they work in; then the first section they may.
 */
export function landingPath(me: Me): string {
  const shown = sectionsFor(me);
  return (shown.find((section) => section.key === me.preferences.landing_page) ?? shown[0])?.path ?? '/settings';
}
