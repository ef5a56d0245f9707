import { describe, expect, it } from 'vitest';
import { defaultOnboarding } from '../users/users.rules.js';
import { isTimeZone, markOnboardingSteps, onboardingOf, preferencesOf, storedPreferences } from './me.rules.js';

const NOW = '2026-01-15T10:00:00.000000';

describe('time zones', () => {
  it('knows the IANA names and UTC, and nothing else', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('europe/paris')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('preferences', () => {
  it('fills what was never set, and what is no longer allowed, with the defaults', () => {
    expect(preferencesOf({})).toEqual({ landingPage: 'users', betaFeatures: false });
    expect(preferencesOf({ landing_page: 'teams', beta_features: true })).toEqual({
      landingPage: 'teams',
      betaFeatures: true,
    });
    expect(preferencesOf({ landing_page: 'billing', beta_features: 'yes' })).toEqual({
      landingPage: 'users',
      betaFeatures: false,
    });
  });

  it('keeps keys it does not manage when storing', () => {
    expect(storedPreferences({ theme: 'dark' }, { landingPage: 'roles', betaFeatures: true })).toEqual({
      theme: 'dark',
      landing_page: 'roles',
      beta_features: true,
    });
  });
});

describe('onboarding steps', () => {
  it('marks a `{status, update_time}` step with the time, and clears the time when unmarked', () => {
    const done = markOnboardingSteps(defaultOnboarding(), { 'know_rivery_step.onboarding_river_types': true }, NOW);
    expect(done.problems).toEqual([]);
    expect(done.onboarding.know_rivery_step).toEqual({
      onboarding_river_types: { status: true, update_time: NOW },
      onboarding_rivery_introduction: { status: false, update_time: null },
    });
    const undone = markOnboardingSteps(done.onboarding, { 'know_rivery_step.onboarding_river_types': false }, NOW);
    expect(undone.onboarding.know_rivery_step).toMatchObject({
      onboarding_river_types: { status: false, update_time: null },
    });
  });

  it('marks a boolean step, and leaves the original object untouched', () => {
    const before = defaultOnboarding();
    const marked = markOnboardingSteps(before, { 'data_connections_step.onboarding_add_connection': true }, NOW);
    expect(marked.onboarding.data_connections_step).toEqual({ onboarding_add_connection: true });
    expect(before.data_connections_step).toEqual({ onboarding_add_connection: false });
  });

  it('names every path that is not a step', () => {
    const marked = markOnboardingSteps(
      defaultOnboarding(),
      {
        data_connections_step: true,
        'data_connections_step.nope': true,
        'invite_member_step.anything': true,
        'know_rivery_step.onboarding_river_types.status': true,
        'toString.length': true,
      },
      NOW,
    );
    expect(marked.problems.map((p) => p.loc)).toEqual([
      ['body', 'steps', 'data_connections_step'],
      ['body', 'steps', 'data_connections_step.nope'],
      ['body', 'steps', 'invite_member_step.anything'],
      ['body', 'steps', 'know_rivery_step.onboarding_river_types.status'],
      ['body', 'steps', 'toString.length'],
    ]);
  });

  it('starts a membership without onboarding from the default steps', () => {
    expect(onboardingOf(null)).toEqual(defaultOnboarding());
    expect(onboardingOf({ custom_step: null })).toEqual({ custom_step: null });
  });
});
