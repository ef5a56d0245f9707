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
import { sectionsFor, type Section, type SectionKey } from '../app/access';
import type { Me } from '../app/session';

const ICONS: Record<SectionKey, Icon> = {
  users: IconUsers,
  teams: IconUsersGroup,
  roles: IconUserShield,
  environments: IconServer,
  tokens: IconKey,
  security: IconShieldLock,
  accounts: IconBuildingSkyscraper,
  settings: IconUserCog,
};

export interface NavItem extends Section {
  icon: Icon;
}

/** The sections the person may read (app/access.ts), each with its icon. */
export function navItemsFor(me: Me): NavItem[] {
  return sectionsFor(me).map((section) => ({ ...section, icon: ICONS[section.key] }));
}
