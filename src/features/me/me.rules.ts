import type { FieldProblem } from '../../core/errors.js';
import { defaultOnboarding } from '../users/users.rules.js';

/** The console pages a person may choose to open after signing in. */
export const LANDING_PAGES = ['users', 'teams', 'roles', 'environments', 'tokens', 'security', 'settings'] as const;
export type LandingPage = (typeof LANDING_PAGES)[number];

export interface Preferences {
  landingPage: LandingPage;
  betaFeatures: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { landingPage: 'users', betaFeatures: false };

/** Longest name a person may give themselves, in characters (the Users API's `user_name` allows the same). */
export const NAME_MAX_LENGTH = 200;

/**
 * The names `Intl` knows in this Node.js build, plus `UTC`, which ICU lists only as an alias.
 * Read once: the list does not change while the process runs.
 */
const TIME_ZONES: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

export function isTimeZone(name: string): boolean {
  return TIME_ZONES.has(name);
}

/**
 * The preferences kept in `identities.preferences` (the wire's snake_case keys), with the
 * defaults for what was never set; a stored value that is no longer allowed falls back too.
 */
export function preferencesOf(stored: Record<string, unknown>): Preferences {
  const landing = stored.landing_page;
  const beta = stored.beta_features;
  return {
    landingPage: LANDING_PAGES.find((page) => page === landing) ?? DEFAULT_PREFERENCES.landingPage,
    betaFeatures: typeof beta === 'boolean' ? beta : DEFAULT_PREFERENCES.betaFeatures,
  };
}

/** The stored form of preferences: any other key already stored is kept. */
export function storedPreferences(before: Record<string, unknown>, preferences: Preferences): Record<string, unknown> {
  return { ...before, landing_page: preferences.landingPage, beta_features: preferences.betaFeatures };
}

/**
 * Marks onboarding steps done (or not done) by path, `group.step`, in a copy of `onboarding`.
 * A step is a leaf of the reference's object: either `{status, update_time}` (the time is set
 * when marked done, cleared when not) or a plain boolean. Paths that name no step are problems.
 */
export function markOnboardingSteps(
  onboarding: Record<string, unknown>,
  steps: Record<string, boolean>,
  now: string,
): { onboarding: Record<string, unknown>; problems: FieldProblem[] } {
  const result = structuredClone(onboarding);
  const problems: FieldProblem[] = [];
  for (const [path, done] of Object.entries(steps)) {
    const [groupKey, stepKey, ...rest] = path.split('.');
    const group = groupKey === undefined ? undefined : result[groupKey];
    if (stepKey === undefined || rest.length > 0 || !isRecord(group) || !Object.hasOwn(group, stepKey)) {
      problems.push({
        loc: ['body', 'steps', path],
        msg: `'${path}' is not an onboarding step: name one as group.step, e.g. data_connections_step.onboarding_add_connection`,
        type: 'value_error.onboarding_step',
      });
      continue;
    }
    const step = group[stepKey];
    if (typeof step === 'boolean') group[stepKey] = done;
    else if (isRecord(step) && typeof step.status === 'boolean') {
      group[stepKey] = { ...step, status: done, update_time: done ? now : null };
    } else {
      problems.push({
        loc: ['body', 'steps', path],
        msg: `'${path}' is not an onboarding step that can be marked`,
        type: 'value_error.onboarding_step',
      });
    }
  }
  return { onboarding: result, problems };
}

/** A membership kept without onboarding steps starts from the reference's, nothing done. */
export function onboardingOf(stored: unknown): Record<string, unknown> {
  return isRecord(stored) ? stored : defaultOnboarding();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
