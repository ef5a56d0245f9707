import { IconUsers, type Icon } from '@tabler/icons-react';

export interface NavItem {
  label: string;
  path: string;
  icon: Icon;
}

/**
 * The console's sections, in the order the navigation shows them. Teams, Roles, Environments,
 * API tokens, Security and My settings join as their pages are built.
 */
export const NAV_ITEMS: NavItem[] = [{ label: 'Users', path: '/users', icon: IconUsers }];
