import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import { landingPath, sectionsFor } from './access';

function person(overrides: Partial<Me> = {}): Me {
  return {
    user_id: 'u1',
    email: 'mo@example.com',
    name: 'Mo',
    is_super_admin: false,
    time_zone: 'UTC',
    preferences: { landing_page: 'users', beta_features: false },
    two_factor_enabled: false,
    recovery_codes_left: 0,
    must_enrol_two_factor: false,
    must_change_password: false,
    password_changed_at: null,
    memberships: [],
    current_account: null,
    account_privileges: [],
    csrf_token: 'csrf',
    ...overrides,
  };
}

const ADMIN_PRIVILEGES = ['users:view', 'users:manage', 'teams:manage', 'roles:manage', 'settings:manage'];

describe('the sections a person sees', () => {
  it('are every section but Accounts for an account admin, and all of them for a super admin', () => {
    const labels = (me: Me) => sectionsFor(me).map((section) => section.label);
    const admin = person({ account_privileges: ADMIN_PRIVILEGES });
    expect(labels(admin)).toEqual(['Users', 'Teams', 'Roles', 'Environments', 'API tokens', 'Security', 'My settings']);
    expect(labels({ ...admin, is_super_admin: true })).toContain('Accounts');
  });

  it('leave out what a plain member may not read: users, teams and the security settings', () => {
    expect(sectionsFor(person()).map((section) => section.label)).toEqual([
      'Roles',
      'Environments',
      'API tokens',
      'My settings',
    ]);
  });
});

describe('the landing page', () => {
  it('is the page the person chose', () => {
    expect(landingPath(person({ preferences: { landing_page: 'tokens', beta_features: false } }))).toBe('/tokens');
    expect(landingPath(person({ account_privileges: ADMIN_PRIVILEGES }))).toBe('/users');
  });

  it('is the first section they may read when they may not read the one they chose', () => {
    expect(landingPath(person())).toBe('/roles');
  });
});
