import { describe, expect, it } from 'vitest';
import {
  areaLabel,
  chosenPrivileges,
  groupPrivileges,
  privilegeArea,
  privilegeChoice,
  roleKeyFromName,
  type AccountFeatures,
  type Privilege,
} from './roles.privileges';

const privilege = (key: string, level: Privilege['level'], extra: Partial<Privilege> = {}): Privilege => ({
  key,
  description: `About ${key}`,
  level,
  feature: null,
  admin_only: false,
  ...extra,
});

const CATALOG: Privilege[] = [
  privilege('users:view', 'account'),
  privilege('users:manage', 'account', { admin_only: true }),
  privilege('environments:manage', 'account'),
  privilege('rivers:view', 'environment'),
  privilege('rivers:edit', 'environment'),
  privilege('connections:view', 'environment'),
  privilege('environment:access_view', 'environment', { feature: 'advanced_environment_access' }),
];

const NO_FEATURES: AccountFeatures = {
  advanced_environment_access: false,
  data_collection: false,
  rss_feeds: false,
  api_metrics: false,
};

describe('the role builder’s privileges', () => {
  it('come account-wide first, then per environment, grouped by area in the catalog’s order', () => {
    const groups = groupPrivileges(CATALOG, NO_FEATURES);
    expect(groups.map((g) => g.label)).toEqual(['Account-wide', 'Per environment']);
    expect(groups.map((g) => g.areas.map((a) => [a.label, a.choices.map((c) => c.privilege.key)]))).toEqual([
      [
        ['Users', ['users:view', 'users:manage']],
        ['Environments', ['environments:manage']],
      ],
      [
        ['Rivers', ['rivers:view', 'rivers:edit']],
        ['Connections', ['connections:view']],
        ['Environment', ['environment:access_view']],
      ],
    ]);
  });

  it('leaves out a level with no privilege', () => {
    expect(groupPrivileges(CATALOG.slice(3), NO_FEATURES).map((g) => g.level)).toEqual(['environment']);
    expect(groupPrivileges([], null)).toEqual([]);
  });

  it('refuse admin-only privileges and those of a feature the account lacks, saying why', () => {
    const adminOnly = CATALOG[1] as Privilege;
    const gated = CATALOG[6] as Privilege;
    expect(privilegeChoice(adminOnly, NO_FEATURES).unavailable).toMatch(/admins/);
    expect(privilegeChoice(gated, NO_FEATURES).unavailable).toBe('Needs the feature advanced_environment_access');
    expect(privilegeChoice(gated, { ...NO_FEATURES, advanced_environment_access: true })).toEqual({
      privilege: gated,
      unavailable: null,
      note: null,
    });
    // Unknown features: the API decides, the builder only says what it needs.
    expect(privilegeChoice(gated, null)).toEqual({
      privilege: gated,
      unavailable: null,
      note: 'Needs the feature advanced_environment_access',
    });
    expect(privilegeChoice(adminOnly, null).unavailable).toMatch(/admins/);
  });

  it('are sent in the catalog’s order, unknown keys last', () => {
    expect(chosenPrivileges(CATALOG, ['rivers:edit', 'gone:away', 'users:view'])).toEqual([
      'users:view',
      'rivers:edit',
      'gone:away',
    ]);
  });
});

describe('privilege areas', () => {
  it('are the part of the key before the colon, read as a word', () => {
    expect(privilegeArea('deployments:manage')).toBe('deployments');
    expect(privilegeArea('environment:access_manage')).toBe('environment');
    expect(privilegeArea('plain')).toBe('plain');
    expect(areaLabel('api_metrics')).toBe('Api metrics');
    expect(areaLabel('')).toBe('');
  });
});

describe('a role key made from its name', () => {
  it('fits the API’s pattern', () => {
    expect(roleKeyFromName('Release managers (EU)')).toBe('release_managers_eu');
    expect(roleKeyFromName('Équipe données')).toBe('equipe_donnees');
    expect(roleKeyFromName('2nd line support')).toBe('role_2nd_line_support');
    expect(roleKeyFromName('x'.repeat(80))).toHaveLength(63);
    for (const name of ['Release managers (EU)', 'a b', 'Ops__', '42', `${'ab_'.repeat(30)}z`]) {
      expect(roleKeyFromName(name)).toMatch(/^[a-z][a-z0-9_]{1,62}$/);
    }
  });

  it('is empty when the name gives nothing usable', () => {
    expect(roleKeyFromName('')).toBe('');
    expect(roleKeyFromName('!?')).toBe('');
    expect(roleKeyFromName('é')).toBe('');
  });
});
