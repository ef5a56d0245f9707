import type { Answer } from '../../api/types';

export type Privilege = Answer<'list_privileges'>['items'][number];
export type AccountFeatures = Answer<'get_account_features'>;
export type Feature = NonNullable<Privilege['feature']>;

/** A privilege as the role builder offers it: whether it may be ticked, and why not. */
export interface PrivilegeChoice {
  privilege: Privilege;
  /** Why a custom role cannot give it here; null when it can. */
  unavailable: string | null;
  /** A note that does not forbid it (the account's features could not be read). */
  note: string | null;
}

export interface PrivilegeArea {
  /** `rivers` for `rivers:view`, `rivers:edit`… */
  area: string;
  label: string;
  choices: PrivilegeChoice[];
}

export interface PrivilegeLevelGroup {
  level: Privilege['level'];
  label: string;
  hint: string;
  areas: PrivilegeArea[];
}

const LEVELS: { level: Privilege['level']; label: string; hint: string }[] = [
  {
    level: 'account',
    label: 'Account-wide',
    hint: 'Held across the whole account, whichever environment gives the role',
  },
  { level: 'environment', label: 'Per environment', hint: 'Held only in the environments where the role is given' },
];

/** The area a privilege belongs to: what comes before its first ":". */
export function privilegeArea(key: string): string {
  const colon = key.indexOf(':');
  return colon === -1 ? key : key.slice(0, colon);
}

/** `deployments` → "Deployments", `environment` → "Environment". */
export function areaLabel(area: string): string {
  const words = area.replace(/[_-]+/g, ' ').trim();
  return words === '' ? area : words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Why a custom role cannot give `privilege`: it is for admins only, or it needs a feature the
 * account lacks. `features` is null when the account's features could not be read; the API
 * still checks then, so the privilege stays open with a note.
 */
export function privilegeChoice(privilege: Privilege, features: AccountFeatures | null): PrivilegeChoice {
  if (privilege.admin_only) {
    return {
      privilege,
      unavailable: 'Only account admins hold this: a custom role cannot give it',
      note: null,
    };
  }
  const feature = privilege.feature;
  if (feature === null) return { privilege, unavailable: null, note: null };
  if (features === null) return { privilege, unavailable: null, note: `Needs the feature ${feature}` };
  return features[feature]
    ? { privilege, unavailable: null, note: null }
    : { privilege, unavailable: `Needs the feature ${feature}`, note: null };
}

/**
 * The catalog as the builder shows it: account-wide privileges first, then per-environment
 * ones, each grouped by area in the catalog's own order.
 */
export function groupPrivileges(
  privileges: readonly Privilege[],
  features: AccountFeatures | null,
): PrivilegeLevelGroup[] {
  return LEVELS.map(({ level, label, hint }) => {
    const areas: PrivilegeArea[] = [];
    for (const privilege of privileges) {
      if (privilege.level !== level) continue;
      const area = privilegeArea(privilege.key);
      let group = areas.find((a) => a.area === area);
      if (group === undefined) {
        group = { area, label: areaLabel(area), choices: [] };
        areas.push(group);
      }
      group.choices.push(privilegeChoice(privilege, features));
    }
    return { level, label, hint, areas };
  }).filter((group) => group.areas.length > 0);
}

/**
 * A role key from its name, as the API accepts it (`^[a-z][a-z0-9_]{1,62}$`): "Release
 * managers (EU)" → `release_managers_eu`. Empty when the name has nothing usable.
 */
export function roleKeyFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  // A key starts with a letter: "2nd line" becomes `role_2nd_line`.
  const key = (/^[0-9]/.test(words) ? `role_${words}` : words).slice(0, 63).replace(/_+$/, '');
  return key.length >= 2 ? key : '';
}

/**
 * The ticked privileges as a role is saved: in the catalog's order, so the role reads the same
 * way everywhere; a key the catalog does not know stays at the end for the API to name.
 */
export function chosenPrivileges(catalog: readonly Privilege[], ticked: readonly string[]): string[] {
  const set = new Set(ticked);
  const known = catalog.filter((p) => set.has(p.key)).map((p) => p.key);
  const unknown = ticked.filter((key) => !catalog.some((p) => p.key === key));
  return [...known, ...unknown];
}
