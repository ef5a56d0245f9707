import type { RequestContext } from '../../core/context.js';
import { invalid, type FieldProblem } from '../../core/errors.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { isTrustedAddress, normaliseTrustedIp } from './settings.rules.js';
import {
  findSecuritySettings,
  insertSecuritySettings,
  lockSecuritySettings,
  updateSecuritySettings,
  type SecuritySettingsRow,
} from './settings.store.js';

/** Rules for the passwords of the account's members; see docs/sign-in.md for the defaults. */
export interface PasswordPolicy {
  minLength: number;
  /** how many of the four classes (lower case, upper case, digits, symbols) a password must mix; 0: no rule */
  characterClasses: number;
  /** how many earlier passwords may not be used again; 0: no rule */
  historyCount: number;
  /** after how many days a password must be changed; `null`: never */
  maxAgeDays: number | null;
}

/** An account's security rules; an account that never changed them has the defaults. */
export interface SecuritySettings {
  idleTimeoutMinutes: number;
  maxSessionsPerUser: number;
  requireTwoFactor: boolean;
  passwordPolicy: PasswordPolicy;
  /** addresses and CIDR ranges API tokens are accepted from; empty: anywhere */
  trustedIps: string[];
  /** `null` until the first change */
  updatedAt: string | null;
}

/** Omitted fields stay as they are. */
export type SecuritySettingsPatch = Partial<Omit<SecuritySettings, 'updatedAt' | 'passwordPolicy'>> & {
  passwordPolicy?: Partial<PasswordPolicy>;
};

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 12,
  characterClasses: 0,
  historyCount: 0,
  maxAgeDays: null,
};

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  idleTimeoutMinutes: 60,
  maxSessionsPerUser: 10,
  requireTwoFactor: false,
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
  trustedIps: [],
  updatedAt: null,
};

export async function getSecuritySettings(deps: Deps, accountId: string): Promise<SecuritySettings> {
  return toSettings(await findSecuritySettings(deps.db, accountId));
}

/**
 * Changes the account's security rules. A trusted-address list that would leave out the
 * address of the request making the change is refused: it would lock its caller out.
 */
export async function patchSecuritySettings(
  deps: Deps,
  ctx: RequestContext,
  accountId: string,
  patch: SecuritySettingsPatch,
): Promise<SecuritySettings> {
  const trustedIps = patch.trustedIps === undefined ? undefined : normaliseTrustedIps(patch.trustedIps);
  if (trustedIps !== undefined && ctx.clientIp !== null && !isTrustedAddress(ctx.clientIp, trustedIps)) {
    throw invalid([
      {
        loc: ['body', 'trusted_ips'],
        msg:
          `The list does not include ${ctx.clientIp}, the address of this request: ` +
          'saving it would lock this caller out of the API. Add that address or a range containing it',
        type: 'value_error.lockout',
      },
    ]);
  }
  const normalised: SecuritySettingsPatch = { ...patch, ...(trustedIps === undefined ? {} : { trustedIps }) };
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await lockSecuritySettings(tx, accountId);
    let before = toSettings(row);
    let after = applyPatch(before, normalised, now);
    if (sameRules(before, after)) return before;
    // A concurrent first change may create the row between the lock and the insert: then the
    // change is made to that row, under its lock.
    const created = row === undefined && (await insertSecuritySettings(tx, { accountId, ...toRow(after) }));
    if (!created) {
      if (row === undefined) {
        before = toSettings(await lockSecuritySettings(tx, accountId));
        after = applyPatch(before, normalised, now);
        if (sameRules(before, after)) return before;
      }
      await updateSecuritySettings(tx, accountId, toRow(after));
    }
    const changes = changedFields(before, after);
    await recordAudit(tx, ctx, now, {
      accountId,
      action: 'settings.update',
      targetType: 'account_settings',
      targetId: accountId,
      before: changes.before,
      after: changes.after,
    });
    return after;
  });
}

function applyPatch(settings: SecuritySettings, patch: SecuritySettingsPatch, now: Date): SecuritySettings {
  return {
    idleTimeoutMinutes: patch.idleTimeoutMinutes ?? settings.idleTimeoutMinutes,
    maxSessionsPerUser: patch.maxSessionsPerUser ?? settings.maxSessionsPerUser,
    requireTwoFactor: patch.requireTwoFactor ?? settings.requireTwoFactor,
    passwordPolicy: { ...settings.passwordPolicy, ...patch.passwordPolicy },
    trustedIps: patch.trustedIps ?? settings.trustedIps,
    updatedAt: now.toISOString(),
  };
}

/** The audit's view of a change: the wire names of the fields that changed, before and after. */
function changedFields(
  before: SecuritySettings,
  after: SecuritySettings,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const a = wireView(before);
  const b = wireView(after);
  const changed = Object.keys(b).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
  return {
    before: Object.fromEntries(changed.map((key) => [key, a[key]])),
    after: Object.fromEntries(changed.map((key) => [key, b[key]])),
  };
}

function wireView(settings: SecuritySettings): Record<string, unknown> {
  return {
    idle_timeout_minutes: settings.idleTimeoutMinutes,
    max_sessions_per_user: settings.maxSessionsPerUser,
    require_two_factor: settings.requireTwoFactor,
    password_policy: {
      min_length: settings.passwordPolicy.minLength,
      character_classes: settings.passwordPolicy.characterClasses,
      history_count: settings.passwordPolicy.historyCount,
      max_age_days: settings.passwordPolicy.maxAgeDays,
    },
    trusted_ips: settings.trustedIps,
  };
}

function sameRules(a: SecuritySettings, b: SecuritySettings): boolean {
  return JSON.stringify(wireView(a)) === JSON.stringify(wireView(b));
}

/** Trimmed, lower-cased and without repeats, in the order given; 422 naming every bad entry. */
function normaliseTrustedIps(entries: string[]): string[] {
  const problems: FieldProblem[] = [];
  const normalised = new Set<string>();
  entries.forEach((entry, index) => {
    const value = normaliseTrustedIp(entry);
    if (value === null) {
      problems.push({
        loc: ['body', 'trusted_ips', index],
        msg: `"${entry}" is not an IPv4 or IPv6 address or CIDR range (such as 203.0.113.7 or 2001:db8::/32)`,
        type: 'value_error.ip_address',
      });
    } else {
      normalised.add(value);
    }
  });
  if (problems.length > 0) throw invalid(problems);
  return [...normalised];
}

function toRow(settings: SecuritySettings): Omit<SecuritySettingsRow, 'accountId'> {
  return {
    trustedIps: settings.trustedIps,
    idleTimeoutMinutes: settings.idleTimeoutMinutes,
    maxSessionsPerUser: settings.maxSessionsPerUser,
    requireTwoFactor: settings.requireTwoFactor,
    passwordMinLength: settings.passwordPolicy.minLength,
    passwordCharacterClasses: settings.passwordPolicy.characterClasses,
    passwordHistoryCount: settings.passwordPolicy.historyCount,
    passwordMaxAgeDays: settings.passwordPolicy.maxAgeDays,
    updatedAt: settings.updatedAt ?? new Date(0).toISOString(),
  };
}

export function toSettings(row: SecuritySettingsRow | undefined): SecuritySettings {
  if (row === undefined) return { ...DEFAULT_SECURITY_SETTINGS, trustedIps: [] };
  return {
    idleTimeoutMinutes: row.idleTimeoutMinutes,
    maxSessionsPerUser: row.maxSessionsPerUser,
    requireTwoFactor: row.requireTwoFactor,
    passwordPolicy: {
      minLength: row.passwordMinLength,
      characterClasses: row.passwordCharacterClasses,
      historyCount: row.passwordHistoryCount,
      maxAgeDays: row.passwordMaxAgeDays,
    },
    trustedIps: row.trustedIps,
    updatedAt: row.updatedAt,
  };
}
