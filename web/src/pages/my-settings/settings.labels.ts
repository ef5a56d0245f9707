import type { Answer } from '../../api/types';
import type { Me } from '../../app/session';

export type LandingPage = Me['preferences']['landing_page'];

/** Every landing page the API knows, as the navigation names it. */
const LANDING_PAGE_LABELS: Record<LandingPage, string> = {
  users: 'Users',
  teams: 'Teams',
  roles: 'Roles',
  environments: 'Environments',
  tokens: 'API tokens',
  security: 'Security',
  settings: 'My settings',
};

export const LANDING_PAGE_OPTIONS = Object.entries(LANDING_PAGE_LABELS).map(([value, label]) => ({ value, label }));

export function isLandingPage(value: string): value is LandingPage {
  return Object.hasOwn(LANDING_PAGE_LABELS, value);
}

/**
 * The time zones to choose from: the browser's IANA names, plus `UTC` (which V8 leaves
 * out but the API accepts) and the person's own zone even when this browser does not know it,
 * so the field never shows empty. UTC first, then A to Z; underscores read as spaces.
 */
export function timeZoneOptions(known: readonly string[], current: string): { value: string; label: string }[] {
  const zones = [...new Set([...known, current])].filter((zone) => zone !== 'UTC' && zone !== '').sort();
  return ['UTC', ...zones].map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

/** A short name for the browser of a session ("Firefox on Windows"), from its user agent. */
export function deviceName(userAgent: string | null): string {
  if (userAgent === null || userAgent.trim() === '') return 'Unknown device';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser === undefined && system === undefined) return 'Unknown browser';
  if (system === undefined) return browser ?? 'Unknown browser';
  return `${browser ?? 'A browser'} on ${system}`;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/HeadlessChrome\//, 'Headless Chrome'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
  [/^curl\//, 'curl'],
];

// Android and ChromeOS also say "Linux"; iPhones also say "like Mac OS X".
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

export type MySession = Answer<'list_my_sessions'>['items'][number];

export const SIGN_IN_METHODS: Record<MySession['method'], string> = {
  password: 'Password',
  google: 'Google',
  sso: 'SSO',
};

type AlertChoices = Omit<Answer<'get_my_alerts'>, 'account_id' | 'updated_at'>;
export type AlertKind = keyof AlertChoices;

/** The kinds of platform event a person may get mail about, in the words of docs/my-settings.md. */
export const ALERT_KINDS: { kind: AlertKind; label: string; description: string }[] = [
  {
    kind: 'runtime_status',
    label: 'Runtime status',
    description: 'Mail me the runtime status events the data-integration platform reports for this account.',
  },
  {
    kind: 'execution_status',
    label: 'Process execution status',
    description: 'Mail me when the platform reports how a process run went (process execution status events).',
  },
  {
    kind: 'user_notifications',
    label: 'User notifications',
    description: 'Mail me the notifications the platform sends to the users of this account.',
  },
];

/** All three choices with one changed: the API replaces them together. */
export function withAlert(choices: AlertChoices, kind: AlertKind, on: boolean): AlertChoices {
  return {
    runtime_status: choices.runtime_status,
    execution_status: choices.execution_status,
    user_notifications: choices.user_notifications,
    [kind]: on,
  };
}

/** What to send as a two-factor code: an app's "123 456" without its space, a recovery code as typed. */
export function twoFactorCode(typed: string): string {
  const compact = typed.replace(/\s/g, '');
  return /^\d{6}$/.test(compact) ? compact : typed.trim();
}
