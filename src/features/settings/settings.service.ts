import type { RequestContext } from '../../core/context.js';
import { invalid, type FieldProblem } from '../../core/errors.js';
import type { Executor } from '../../db/client.js';
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

/** An account's security rules; an account that never changed them has the defaults. */
export interface SecuritySettings {
  /** addresses and CIDR ranges API tokens are accepted from; empty: anywhere */
  trustedIps: string[];
  /** `null` until the first change */
  updatedAt: string | null;
}

/** Omitted fields stay as they are. */
export interface SecuritySettingsPatch {
  trustedIps?: string[];
}

const DEFAULTS: SecuritySettings = { trustedIps: [], updatedAt: null };

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
  return deps.db.transaction(async (tx) => {
    const row = await lockSecuritySettings(tx, accountId);
    if (trustedIps === undefined || sameList(toSettings(row).trustedIps, trustedIps)) return toSettings(row);
    const now = deps.clock.now();
    const after: SecuritySettings = { trustedIps, updatedAt: now.toISOString() };
    if (
      row === undefined &&
      (await insertSecuritySettings(tx, { accountId, trustedIps, updatedAt: now.toISOString() }))
    ) {
      await audit(tx, ctx, now, accountId, DEFAULTS, after);
      return after;
    }
    // The row existed, or a concurrent first change created it since: change it under its lock.
    const before = toSettings(row ?? (await lockSecuritySettings(tx, accountId)));
    if (sameList(before.trustedIps, trustedIps)) return before;
    await updateSecuritySettings(tx, accountId, { trustedIps, updatedAt: now.toISOString() });
    await audit(tx, ctx, now, accountId, before, after);
    return after;
  });
}

async function audit(
  tx: Executor,
  ctx: RequestContext,
  now: Date,
  accountId: string,
  before: SecuritySettings,
  after: SecuritySettings,
): Promise<void> {
  await recordAudit(tx, ctx, now, {
    accountId,
    action: 'settings.update',
    targetType: 'account_settings',
    targetId: accountId,
    before: { trusted_ips: before.trustedIps },
    after: { trusted_ips: after.trustedIps },
  });
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

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function toSettings(row: SecuritySettingsRow | undefined): SecuritySettings {
  return row === undefined ? { ...DEFAULTS } : { trustedIps: row.trustedIps, updatedAt: row.updatedAt };
}
