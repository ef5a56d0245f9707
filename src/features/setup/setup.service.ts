import type { RequestContext } from '../../core/context.js';
import { conflict, DomainError, gone, invalid, notFound, type FieldProblem } from '../../core/errors.js';
import { isSecretOf, keyedHash, newSecret } from '../../core/secrets.js';
import { addHours, dbTimestampMs } from '../../core/time.js';
import type { Executor } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { createAccountIn } from '../accounts/accounts.service.js';
import { ALL_SCOPE_KEYS } from '../api-tokens/api-tokens.scopes.js';
import { issueApiTokenIn } from '../api-tokens/api-tokens.service.js';
import { startSession } from '../auth/auth.service.js';
import { setPassword } from '../passwords/passwords.service.js';
import { addFirstAdmin } from '../users/users.invite.service.js';
import {
  anyAccountExists,
  findSetupToken,
  insertSetupToken,
  lockSetup,
  useUpSetupTokens,
  type SetupTokenRow,
} from './setup.store.js';

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

export const SETUP_TOKEN_PREFIX = 'stws';
/** How long a logged setup link works; a restart logs a fresh one. */
export const SETUP_LINK_HOURS = 24;

export function setupLink(publicUrl: string, token: string): string {
  return `${publicUrl}/setup/${token}`;
}

/**
 * A new first-run setup link while the store has no account; `null` once one exists. Links
 * logged by earlier starts (or by other processes) keep working until they expire: each
 * process logs its own, and any of them may be the one a person reads.
 */
export async function issueSetupLink(deps: Deps): Promise<string | null> {
  if (await anyAccountExists(deps.db)) return null;
  const now = deps.clock.now();
  const token = newSecret(SETUP_TOKEN_PREFIX);
  await insertSetupToken(deps.db, {
    tokenHash: keyedHash(deps.config.secret, 'setup', token),
    createdAt: now.toISOString(),
    expiresAt: addHours(now, SETUP_LINK_HOURS).toISOString(),
  });
  return setupLink(deps.config.publicUrl, token);
}

/** What the setup page needs to know of its link: 404 for a token no link has, 410 for a spent one. */
export async function lookUpSetupLink(deps: Deps, token: string): Promise<{ expiresAt: string }> {
  const link = await findLink(deps.db, deps, token);
  refuseSpentLink(deps, link);
  if (await anyAccountExists(deps.db)) throw gone('Steward is set up already: sign in instead');
  return { expiresAt: link.expiresAt };
}

export interface FirstRun {
  accountName: string;
  environmentNames: string[];
  adminEmail: string;
  adminName: string;
  password: string;
  userAgent: string | null;
}

/**
 * Creates the first account, its environments and its first admin (a super admin, with the
 * password chosen here), signs them in and spends every setup link, in one transaction.
 * 409 when an account exists already, however it got there (`steward bootstrap`, another link).
 */
export async function completeSetup(
  deps: Deps,
  ctx: RequestContext,
  token: string,
  input: FirstRun,
): Promise<{ accountId: string; userId: string; sessionToken: string }> {
  return atSetupFields(() =>
    deps.db.transaction(async (tx) => {
      await lockSetup(tx);
      refuseSpentLink(deps, await findLink(tx, deps, token));
      if (await anyAccountExists(tx)) throw conflict('Steward is set up already: sign in instead');
      const { account } = await createAccountIn(tx, deps, ctx, {
        name: input.accountName,
        environmentNames: input.environmentNames,
      });
      const email = input.adminEmail.trim().toLowerCase();
      const userId = await addFirstAdmin(tx, deps, ctx, {
        accountId: account.id,
        email,
        name: input.adminName,
        isSuperAdmin: true,
      });
      await setPassword(tx, deps, { identityId: userId, email, password: input.password }, ['body', 'password']);
      await useUpSetupTokens(tx, deps.clock.now().toISOString());
      const sessionToken = await startSession(tx, deps, ctx, {
        identity: { id: userId, email },
        method: 'password',
        accountId: account.id,
        userAgent: input.userAgent,
      });
      return { accountId: account.id, userId, sessionToken };
    }),
  );
}

async function findLink(ex: Executor, deps: Deps, token: string): Promise<SetupTokenRow> {
  const link = isSecretOf(SETUP_TOKEN_PREFIX, token)
    ? await findSetupToken(ex, keyedHash(deps.config.secret, 'setup', token))
    : undefined;
  if (link === undefined) throw notFound('Setup link');
  return link;
}

function refuseSpentLink(deps: Deps, link: SetupTokenRow): void {
  if (link.usedAt !== null) throw gone('This setup link was used: sign in instead');
  if (dbTimestampMs(link.expiresAt) <= deps.clock.now().getTime()) {
    throw gone('This setup link has expired: restart Steward for a new one');
  }
}

/** The services this reuses name their fields as their own routes do; the setup page has its own names. */
const SETUP_FIELD_OF: Record<string, string> = {
  name: 'account_name',
  environments: 'environment_names',
  user_email: 'admin_email',
};

async function atSetupFields<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
    throw invalid(error.problems.map(toSetupField));
  }
}

function toSetupField(problem: FieldProblem): FieldProblem {
  const [part, field, ...rest] = problem.loc;
  const renamed = typeof field === 'string' ? SETUP_FIELD_OF[field] : undefined;
  return part === 'body' && renamed !== undefined ? { ...problem, loc: [part, renamed, ...rest] } : problem;
}
