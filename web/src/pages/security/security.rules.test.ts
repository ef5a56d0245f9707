import { describe, expect, it } from 'vitest';
import {
  formFromSettings,
  securityFormPaths,
  securityFormProblems,
  settingsPatch,
  type SecurityForm,
  type SecuritySettings,
} from './security.rules';

const DEFAULTS: SecuritySettings = {
  idle_timeout_minutes: 60,
  max_sessions_per_user: 10,
  require_two_factor: false,
  password_policy: { min_length: 12, character_classes: 0, history_count: 0, max_age_days: null },
  trusted_ips: ['10.0.0.1'],
  updated_at: null,
};

const edit = (change: (form: SecurityForm) => void): SecurityForm => {
  const form = formFromSettings(DEFAULTS);
  change(form);
  return form;
};

describe('the security settings patch', () => {
  it('is nothing when nothing changed', () => {
    expect(settingsPatch(DEFAULTS, formFromSettings(DEFAULTS))).toBeNull();
  });

  it('holds only the fields and password rules that changed', () => {
    const form = edit((f) => {
      f.idle_timeout_minutes = 30;
      f.password_policy.min_length = 16;
      f.require_two_factor = true;
    });
    expect(settingsPatch(DEFAULTS, form)).toEqual({
      idle_timeout_minutes: 30,
      require_two_factor: true,
      password_policy: { min_length: 16 },
    });
  });

  it('sends a maximum password age, and null to clear it', () => {
    expect(
      settingsPatch(
        DEFAULTS,
        edit((f) => (f.password_policy.max_age_days = 90)),
      ),
    ).toEqual({
      password_policy: { max_age_days: 90 },
    });
    const expiring = { ...DEFAULTS, password_policy: { ...DEFAULTS.password_policy, max_age_days: 90 } };
    const cleared = formFromSettings(expiring);
    cleared.password_policy.max_age_days = '';
    expect(settingsPatch(expiring, cleared)).toEqual({ password_policy: { max_age_days: null } });
  });

  it('replaces the trusted IPs only when the list differs once normalised', () => {
    expect(
      settingsPatch(
        DEFAULTS,
        edit((f) => (f.trusted_ips = [' 10.0.0.1 '])),
      ),
    ).toBeNull();
    expect(
      settingsPatch(
        DEFAULTS,
        edit((f) => f.trusted_ips.push('2001:DB8::/32 ')),
      ),
    ).toEqual({
      trusted_ips: ['10.0.0.1', '2001:DB8::/32'],
    });
    expect(
      settingsPatch(
        DEFAULTS,
        edit((f) => (f.trusted_ips = [])),
      ),
    ).toEqual({ trusted_ips: [] });
  });
});

describe('the security form’s problems', () => {
  it('are none for the settings as they are', () => {
    expect(securityFormProblems(formFromSettings(DEFAULTS))).toEqual({});
  });

  it('name each number out of the API’s range, at its field', () => {
    const form = edit((f) => {
      f.idle_timeout_minutes = 4;
      f.max_sessions_per_user = '';
      f.password_policy.min_length = 65;
      f.password_policy.character_classes = 2.5;
      f.password_policy.max_age_days = 0;
    });
    expect(securityFormProblems(form)).toEqual({
      idle_timeout_minutes: 'From 5 to 43,200',
      max_sessions_per_user: 'Enter a whole number',
      'password_policy.min_length': 'From 8 to 64',
      'password_policy.character_classes': 'Enter a whole number',
      'password_policy.max_age_days': 'From 1 to 3,650',
    });
  });

  it('name each bad trusted IP at its line', () => {
    const form = edit((f) => (f.trusted_ips = ['10.0.0.1', '300.1.1.1', '', '::1']));
    expect(Object.keys(securityFormProblems(form))).toEqual(['trusted_ips.1', 'trusted_ips.2']);
    expect(securityFormPaths(form)).toEqual(expect.arrayContaining(['trusted_ips.3', 'password_policy.min_length']));
  });
});
