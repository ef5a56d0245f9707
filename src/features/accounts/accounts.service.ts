import type { RequestContext } from '../../core/context.js';
import { invalid, notFound, type FieldProblem } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertEnvironments } from '../environments/environments.service.js';
import { FEATURES } from '../roles/roles.catalog.js';
import { inviteUser } from '../users/users.invite.service.js';
import { isValidEmail, nameKey } from '../users/users.rules.js';
import { ACCOUNT_NAME_MAX, applyFeatureChanges, toFeatureFlags, type FeatureFlags } from './accounts.rules.js';
import {
  findAccount,
  findAccountPage,
  findEnvironmentSummaries,
  insertAccount,
  lockAccount,
  updateAccount,
  type AccountRow,
} from './accounts.store.js';

export const DEFAULT_ENVIRONMENT = 'Production';

export async function getAccount(ex: Executor, accountId: string): Promise<AccountRow> {
  const account = await findAccount(ex, accountId);
  if (!account) throw notFound('Account');
  return account;
}

/** An account as the API shows it: its row and its environments. */
export interface AccountView {
  account: AccountRow;
  environments: { id: string; name: string }[];
}

async function toViews(ex: Executor, rows: AccountRow[]): Promise<AccountView[]> {
  const summaries = await findEnvironmentSummaries(
    ex,
    rows.map((row) => row.id),
  );
  return rows.map((account) => ({
    account,
    environments: summaries.filter((env) => env.accountId === account.id).map(({ id, name }) => ({ id, name })),
  }));
}

async function toView(ex: Executor, account: AccountRow): Promise<AccountView> {
  const [view] = await toViews(ex, [account]);
  return view ?? { account, environments: [] };
}

export async function getAccountView(deps: Deps, accountId: string): Promise<AccountView> {
  return toView(deps.db, await getAccount(deps.db, accountId));
}

/** Who asks for the list: super admins see every account, anyone else their own. */
export interface AccountViewer {
  identityId: string;
  isSuperAdmin: boolean;
}

export async function listAccounts(
  deps: Deps,
  viewer: AccountViewer,
  page: { page: number; itemsPerPage: number },
): Promise<{ items: AccountView[]; totalItems: number }> {
  const { rows, totalItems } = await findAccountPage(deps.db, {
    page: page.page,
    pageSize: page.itemsPerPage,
    memberId: viewer.isSuperAdmin ? null : viewer.identityId,
  });
  return { items: await toViews(deps.db, rows), totalItems };
}

/** The trimmed name, or a 422 at `body.name`. */
function checkAccountName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') {
    throw invalid([{ loc: ['body', 'name'], msg: 'Account name must not be empty', type: 'value_error' }]);
  }
  if (trimmed.length > ACCOUNT_NAME_MAX) {
    throw invalid([
      {
        loc: ['body', 'name'],
        msg: `Account name must be at most ${String(ACCOUNT_NAME_MAX)} characters`,
        type: 'string_too_long',
      },
    ]);
  }
  return trimmed;
}

/** Trimmed names, each present and unique case-insensitively, or a 422 naming every bad entry. */
function checkEnvironmentNames(names: string[]): string[] {
  const trimmed = names.map((name) => name.trim());
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  trimmed.forEach((name, index) => {
    const key = nameKey(name);
    if (name === '') {
      problems.push({
        loc: ['body', 'environments', index],
        msg: 'Environment names must not be empty',
        type: 'value_error',
      });
    } else if (seen.has(key)) {
      problems.push({
        loc: ['body', 'environments', index],
        msg: `Environment "${name}" is named twice`,
        type: 'value_error.duplicate',
      });
    }
    seen.add(key);
  });
  if (problems.length > 0) throw invalid(problems);
  return trimmed;
}

export interface NewAccount {
  name: string;
  environmentNames: string[];
}

export interface CreatedAccount {
  account: AccountRow;
  /** environment name → id, in the order given */
  environments: Map<string, string>;
}

/** Creates an account and its environments inside the caller's transaction. */
export async function createAccountIn(
  tx: Executor,
  deps: Deps,
  ctx: RequestContext,
  input: NewAccount,
): Promise<CreatedAccount> {
  const name = checkAccountName(input.name);
  const names = checkEnvironmentNames(
    input.environmentNames.length > 0 ? input.environmentNames : [DEFAULT_ENVIRONMENT],
  );
  const now = deps.clock.now();
  const stamp = now.toISOString();
  const account: AccountRow = { id: newId(now), name, features: [], createdAt: stamp, updatedAt: stamp };
  await insertAccount(tx, account);
  const environments = new Map(names.map((envName) => [envName, newId(now)]));
  await insertEnvironments(
    tx,
    // A millisecond apart, so environments list in the order they were named (oldest first).
    [...environments].map(([envName, id], index) => ({
      accountId: account.id,
      id,
      name: envName,
      nameKey: nameKey(envName),
      createdAt: new Date(now.getTime() + index).toISOString(),
      updatedAt: stamp,
    })),
  );
  await recordAudit(tx, ctx, now, {
    accountId: account.id,
    action: 'account.create',
    targetType: 'account',
    targetId: account.id,
    after: { name, environments: Object.fromEntries(environments) },
  });
  return { account, environments };
}

export interface AccountRequest extends NewAccount {
  /** invited as the account's first admin */
  adminEmail: string | null;
  adminName: string | null;
}

/**
 * Creates an account and, when an admin is named, invites them (the invitation mail included),
 * all in one transaction: an invitation that fails leaves no account behind.
 */
export async function createAccount(
  deps: Deps,
  ctx: RequestContext,
  input: AccountRequest,
): Promise<{ view: AccountView; adminUserId: string | null }> {
  const admin = checkAdmin(input.adminEmail, input.adminName);
  return deps.db.transaction(async (tx) => {
    const { account } = await createAccountIn(tx, deps, ctx, input);
    let adminUserId: string | null = null;
    if (admin !== null) {
      // inviteUser opens its own transaction on deps.db; handed this one, it nests as a
      // savepoint, so the account, the membership and the mail commit or roll back together.
      const invited = await inviteUser({ ...deps, db: tx }, ctx, account.id, {
        userName: admin.name,
        userEmail: admin.email,
        environments: {},
        allowLoginPassword: true,
        isAdmin: true,
        allowLoginGoogle: false,
        allowLoginSso: false,
        isReInvite: false,
      });
      adminUserId = invited.userId;
    }
    return { view: await toView(tx, account), adminUserId };
  });
}

/** The first admin to invite, normalised; `null` when none is named. */
function checkAdmin(rawEmail: string | null, rawName: string | null): { email: string; name: string } | null {
  if (rawEmail === null) {
    if (rawName === null) return null;
    throw invalid([
      { loc: ['body', 'admin_name'], msg: 'admin_name needs admin_email', type: 'value_error.missing_admin_email' },
    ]);
  }
  const email = rawEmail.trim().toLowerCase();
  if (!isValidEmail(email)) {
    throw invalid([
      { loc: ['body', 'admin_email'], msg: 'value is not a valid email address', type: 'value_error.email' },
    ]);
  }
  const name = rawName?.trim() ?? '';
  if (rawName !== null && name === '') {
    throw invalid([{ loc: ['body', 'admin_name'], msg: 'Admin name must not be empty', type: 'value_error' }]);
  }
  return { email, name: name === '' ? email.slice(0, email.indexOf('@')) : name };
}

export async function renameAccount(
  deps: Deps,
  ctx: RequestContext,
  accountId: string,
  newName: string,
): Promise<AccountView> {
  const name = checkAccountName(newName);
  return deps.db.transaction(async (tx) => {
    const before = await lockAccount(tx, accountId);
    if (!before) throw notFound('Account');
    if (before.name === name) return toView(tx, before);
    const now = deps.clock.now();
    const after = await updateAccount(tx, accountId, { name, updatedAt: now.toISOString() });
    await recordAudit(tx, ctx, now, {
      accountId,
      action: 'account.rename',
      targetType: 'account',
      targetId: accountId,
      before: { name: before.name },
      after: { name },
    });
    return toView(tx, after);
  });
}

export async function getAccountFeatures(deps: Deps, accountId: string): Promise<FeatureFlags> {
  return toFeatureFlags((await getAccount(deps.db, accountId)).features);
}

/**
 * Switches features on and off; features not named keep their state. A change that changes
 * nothing writes nothing. Privileges of a feature switched off stay in custom roles but are
 * held by nobody until it is switched on again (see users.rules effectivePermissions).
 */
export async function setAccountFeatures(
  deps: Deps,
  ctx: RequestContext,
  accountId: string,
  changes: Partial<FeatureFlags>,
): Promise<FeatureFlags> {
  return deps.db.transaction(async (tx) => {
    // Locked: two concurrent switches of different features must not undo each other.
    const before = await lockAccount(tx, accountId);
    if (!before) throw notFound('Account');
    const features = applyFeatureChanges(before.features, changes);
    const beforeFlags = toFeatureFlags(before.features);
    const afterFlags = toFeatureFlags(features);
    if (FEATURES.every((feature) => beforeFlags[feature] === afterFlags[feature])) return afterFlags;
    const now = deps.clock.now();
    await updateAccount(tx, accountId, { features, updatedAt: now.toISOString() });
    await recordAudit(tx, ctx, now, {
      accountId,
      action: 'account.features',
      targetType: 'account',
      targetId: accountId,
      before: beforeFlags,
      after: afterFlags,
    });
    return afterFlags;
  });
}
