import type { operations } from '../../api/schema';
import type { Answer } from '../../api/types';
import { normaliseTrustedIps, trustedIpProblem } from './trusted-ips';

export type SecuritySettings = Answer<'get_security_settings'>;
export type SecurityPatch = operations['patch_security_settings']['requestBody']['content']['application/json'];
type PolicyPatch = NonNullable<SecurityPatch['password_policy']>;

/** A number field's value: Mantine's NumberInput gives '' when it is empty. */
type NumberValue = number | string;

/** The form mirrors the API's body, so a 422's `loc` names its field. */
export type SecurityForm = {
  idle_timeout_minutes: NumberValue;
  max_sessions_per_user: NumberValue;
  require_two_factor: boolean;
  password_policy: {
    min_length: NumberValue;
    character_classes: NumberValue;
    history_count: NumberValue;
    /** '': passwords never expire */
    max_age_days: NumberValue;
  };
  trusted_ips: string[];
};

export function formFromSettings(settings: SecuritySettings): SecurityForm {
  const policy = settings.password_policy;
  return {
    idle_timeout_minutes: settings.idle_timeout_minutes,
    max_sessions_per_user: settings.max_sessions_per_user,
    require_two_factor: settings.require_two_factor,
    password_policy: {
      min_length: policy.min_length,
      character_classes: policy.character_classes,
      history_count: policy.history_count,
      max_age_days: policy.max_age_days ?? '',
    },
    trusted_ips: [...settings.trusted_ips],
  };
}

/** The API's limits of each number field (its schema's minimum and maximum). */
export const LIMITS = {
  idle_timeout_minutes: [5, 43_200],
  max_sessions_per_user: [1, 100],
  'password_policy.min_length': [8, 64],
  'password_policy.character_classes': [0, 4],
  'password_policy.history_count': [0, 24],
  'password_policy.max_age_days': [1, 3650],
} as const;

/** The most entries `trusted_ips` may hold. */
export const TRUSTED_IPS_MAX = 100;

function rangeProblem(value: NumberValue, [min, max]: readonly [number, number]): string | null {
  const n = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isInteger(n)) return 'Enter a whole number';
  return n < min || n > max ? `From ${min.toLocaleString('en')} to ${max.toLocaleString('en')}` : null;
}

/** Every problem of the form, by field path (`trusted_ips.2`); empty when the API would take it. */
export function securityFormProblems(values: SecurityForm): Record<string, string> {
  const problems: Record<string, string> = {};
  const policy = values.password_policy;
  const numbers: [keyof typeof LIMITS, NumberValue][] = [
    ['idle_timeout_minutes', values.idle_timeout_minutes],
    ['max_sessions_per_user', values.max_sessions_per_user],
    ['password_policy.min_length', policy.min_length],
    ['password_policy.character_classes', policy.character_classes],
    ['password_policy.history_count', policy.history_count],
  ];
  if (policy.max_age_days !== '') numbers.push(['password_policy.max_age_days', policy.max_age_days]);
  for (const [path, value] of numbers) {
    const problem = rangeProblem(value, LIMITS[path]);
    if (problem !== null) problems[path] = problem;
  }
  values.trusted_ips.forEach((entry, index) => {
    const problem = trustedIpProblem(entry);
    if (problem !== null) problems[`trusted_ips.${String(index)}`] = problem;
  });
  if (values.trusted_ips.length > TRUSTED_IPS_MAX) {
    problems.trusted_ips = `At most ${String(TRUSTED_IPS_MAX)} entries`;
  }
  return problems;
}

/**
 * The PATCH body of what the form changed, and only that (the API keeps what is omitted);
 * null when nothing changed. The form must have no problems.
 */
export function settingsPatch(before: SecuritySettings, values: SecurityForm): SecurityPatch | null {
  const patch: SecurityPatch = {};
  const idle = Number(values.idle_timeout_minutes);
  if (idle !== before.idle_timeout_minutes) patch.idle_timeout_minutes = idle;
  const sessions = Number(values.max_sessions_per_user);
  if (sessions !== before.max_sessions_per_user) patch.max_sessions_per_user = sessions;
  if (values.require_two_factor !== before.require_two_factor) patch.require_two_factor = values.require_two_factor;

  const policy: PolicyPatch = {};
  const old = before.password_policy;
  const wanted = values.password_policy;
  if (Number(wanted.min_length) !== old.min_length) policy.min_length = Number(wanted.min_length);
  if (Number(wanted.character_classes) !== old.character_classes) {
    policy.character_classes = Number(wanted.character_classes);
  }
  if (Number(wanted.history_count) !== old.history_count) policy.history_count = Number(wanted.history_count);
  const maxAge = wanted.max_age_days === '' ? null : Number(wanted.max_age_days);
  if (maxAge !== old.max_age_days) policy.max_age_days = maxAge;
  if (Object.keys(policy).length > 0) patch.password_policy = policy;

  // Sent as typed (trimmed), so a 422's index names the same line of the form.
  const ips = values.trusted_ips.map((entry) => entry.trim());
  if (JSON.stringify(normaliseTrustedIps(ips)) !== JSON.stringify(before.trusted_ips)) patch.trusted_ips = ips;
  return Object.keys(patch).length === 0 ? null : patch;
}

/** Every field path of the form as it is, for placing a 422's problems (`trusted_ips.1`). */
export function securityFormPaths(values: SecurityForm): string[] {
  return [
    'idle_timeout_minutes',
    'max_sessions_per_user',
    'require_two_factor',
    ...Object.keys(LIMITS).filter((path) => path.startsWith('password_policy.')),
    'password_policy',
    ...values.trusted_ips.map((_, index) => `trusted_ips.${String(index)}`),
    'trusted_ips',
  ];
}
