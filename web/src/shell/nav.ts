import {
  IconBuildingSkyscraper,
  IconKey,
  IconServer,
  IconShieldLock,
  IconUserCog,
  IconUsers,
  IconUsersGroup,
  IconUserShield,
  type Icon,
} from '@tabler/icons-react';
import type { Me } from '../app/session';

export interface NavItem {
  label: string;
  path: string;
  icon: Icon;
  /** Whether the person sees the section at all; the API decides what they may do in it. */
  shownTo?: (me: Me) => boolean;
}

/** The console's sections, in the order the navigation shows them. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Users', path: '/users', icon: IconUsers },
  { label: 'Teams', path: '/teams', icon: IconUsersGroup },
  { label: 'Roles', path: '/roles', icon: IconUserShield },
  { label: 'Environments', path: '/environments', icon: IconServer },
  { label: 'API tokens', path: '/tokens', icon: IconKey },
  { label: 'Security', path: '/security', icon: IconShieldLock },
  { label: 'Accounts', path: '/accounts', icon: IconBuildingSkyscraper, shownTo: (me) => me.is_super_admin },
  { label: 'My settings', path: '/settings', icon: IconUserCog },
];

export function navItemsFor(me: Me): NavItem[] {
  return NAV_ITEMS.filter((item) => item.shownTo?.(me) ?? true);
}
