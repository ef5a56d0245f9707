import { and, asc, count, eq, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, accountSecuritySettings, identities, memberships, recoveryCodes } from '../../db/schema/index.js';

// Global tables (a second factor belongs to one person across accounts): no account_id to filter on.

export interface TwoFactorState {
  identityId: string;
  email: string;
  /** encrypted; set from enrolment on, also while it waits for confirmation */
  totpSecret: string | null;
  totpEnabledAt: string | null;
}

const STATE_COLUMNS = {
  identityId: identities.id,
  email: identities.email,
  totpSecret: identities.totpSecret,
  totpEnabledAt: identities.totpEnabledAt,
};

export async function findTwoFactorState(ex: Executor, identityId: string): Promise<TwoFactorState | undefined> {
  const [row] = await ex.select(STATE_COLUMNS).from(identities).where(eq(identities.id, identityId)).limit(1);
  return row;
}

/** The identity's second factor, locked: enrolment, confirmation and disabling of one person serialize. */
export async function lockTwoFactorState(ex: Executor, identityId: string): Promise<TwoFactorState | undefined> {
  const [row] = await ex.select(STATE_COLUMNS).from(identities).where(eq(identities.id, identityId)).for('update');
  return row;
}

/** Keeps a secret waiting for its first code; replaces one that was never confirmed. */
export async function savePendingSecret(ex: Executor, identityId: string, secret: string, now: string): Promise<void> {
  await ex
    .update(identities)
    .set({ totpSecret: secret, totpEnabledAt: null, totpLastStep: null, updatedAt: now })
    .where(eq(identities.id, identityId));
}

export async function enableTwoFactor(ex: Executor, identityId: string, now: string): Promise<void> {
  await ex.update(identities).set({ totpEnabledAt: now, updatedAt: now }).where(eq(identities.id, identityId));
}

export async function clearTwoFactor(ex: Executor, identityId: string, now: string): Promise<void> {
  await ex
    .update(identities)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now })
    .where(eq(identities.id, identityId));
  await ex.delete(recoveryCodes).where(eq(recoveryCodes.identityId, identityId));
}

/**
 * Records `step` as the last one a code was accepted for, unless that step or a later one was
 * already used: in one statement, so two requests with one code cannot both pass.
 */
export async function acceptTotpStep(ex: Executor, identityId: string, step: number): Promise<boolean> {
  const rows = await ex
    .update(identities)
    .set({ totpLastStep: step })
    .where(and(eq(identities.id, identityId), or(isNull(identities.totpLastStep), lt(identities.totpLastStep, step))))
    .returning({ id: identities.id });
  return rows.length > 0;
}

export async function replaceRecoveryCodes(ex: Executor, identityId: string, codeHashes: string[]): Promise<void> {
  await ex.delete(recoveryCodes).where(eq(recoveryCodes.identityId, identityId));
  await ex.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ identityId, codeHash, usedAt: null })));
}

/** Marks an unused recovery code used, in one statement so it works once; `false` when there is none. */
export async function useRecoveryCode(
  ex: Executor,
  identityId: string,
  codeHash: string,
  now: string,
): Promise<boolean> {
  const rows = await ex
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(eq(recoveryCodes.identityId, identityId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)),
    )
    .returning({ identityId: recoveryCodes.identityId });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(ex: Executor, identityId: string): Promise<number> {
  const [row] = await ex
    .select({ left: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.identityId, identityId), isNull(recoveryCodes.usedAt)));
  return row?.left ?? 0;
}

/** The names of the accounts the person is an active member of that require two-factor authentication. */
export async function findAccountsRequiringTwoFactor(ex: Executor, identityId: string): Promise<string[]> {
  const rows = await ex
    .select({ name: accounts.name })
    .from(memberships)
    .innerJoin(accountSecuritySettings, eq(accountSecuritySettings.accountId, memberships.accountId))
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(
      and(
        eq(memberships.userId, identityId),
        eq(memberships.isActive, true),
        eq(memberships.status, 'active'),
        eq(accountSecuritySettings.requireTwoFactor, true),
      ),
    )
    .orderBy(asc(accounts.name));
  return rows.map((row) => row.name);
}
