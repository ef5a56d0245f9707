import type { RequestContext } from '../../core/context.js';
import type { Deps } from '../../deps.js';
import { createAccountIn } from '../accounts/accounts.service.js';
import { ALL_SCOPE_KEYS } from '../api-tokens/api-tokens.scopes.js';
import { issueApiTokenIn } from '../api-tokens/api-tokens.service.js';
import { addFirstAdmin } from '../users/users.invite.service.js';

export interface BootstrapInput {
  accountName: string;
  adminEmail: string;
  adminName: string | null;
  environmentNames: string[];
  superAdmin: boolean;
}

export interface BootstrapResult {
  accountId: string;
  userId: string;
  /** environment name → id */
  environments: Record<string, string>;
  /** An API token with every scope, owned by the admin; shown once. */
  token: string;
}

/** A new account with its environments, its first admin and an all-scopes token, in one transaction. */
export async function bootstrapAccount(
  deps: Deps,
  ctx: RequestContext,
  input: BootstrapInput,
): Promise<BootstrapResult> {
  return deps.db.transaction(async (tx) => {
    const { account, environments } = await createAccountIn(tx, deps, ctx, {
      name: input.accountName,
      environmentNames: input.environmentNames,
    });
    const userId = await addFirstAdmin(tx, deps, ctx, {
      accountId: account.id,
      email: input.adminEmail,
      name: input.adminName,
      isSuperAdmin: input.superAdmin,
    });
    const { token } = await issueApiTokenIn(tx, deps, ctx, {
      accountId: account.id,
      ownerId: userId,
      name: 'bootstrap',
      scopes: ALL_SCOPE_KEYS,
      expiresAt: null,
    });
    return { accountId: account.id, userId, environments: Object.fromEntries(environments), token };
  });
}
