import type { RequestContext } from '../../core/context.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertEnvironments } from '../environments/environments.store.js';
import { findAccount, insertAccount, type AccountRow } from './accounts.store.js';

export const DEFAULT_ENVIRONMENT = 'Production';

export async function getAccount(ex: Executor, accountId: string): Promise<AccountRow> {
  const account = await findAccount(ex, accountId);
  if (!account) throw notFound('Account');
  return account;
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
  const name = input.name.trim();
  if (name === '')
    throw invalid([{ loc: ['body', 'name'], msg: 'Account name must not be empty', type: 'value_error' }]);
  const names = input.environmentNames.length > 0 ? input.environmentNames.map((n) => n.trim()) : [DEFAULT_ENVIRONMENT];
  const keys = new Set<string>();
  for (const envName of names) {
    const key = envName.toLowerCase();
    if (envName === '')
      throw invalid([
        { loc: ['body', 'environments'], msg: 'Environment names must not be empty', type: 'value_error' },
      ]);
    if (keys.has(key)) throw conflict(`Environment "${envName}" is named twice`);
    keys.add(key);
  }
  const now = deps.clock.now();
  const stamp = now.toISOString();
  const account: AccountRow = { id: newId(now), name, features: [], createdAt: stamp, updatedAt: stamp };
  await insertAccount(tx, account);
  const environments = new Map(names.map((envName) => [envName, newId(now)]));
  await insertEnvironments(
    tx,
    [...environments].map(([envName, id]) => ({
      accountId: account.id,
      id,
      name: envName,
      nameKey: envName.toLowerCase(),
      createdAt: stamp,
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
