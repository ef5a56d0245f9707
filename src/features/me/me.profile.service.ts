import type { RequestContext } from '../../core/context.js';
import { forbidden, invalid, notFound, unauthenticated, type FieldProblem } from '../../core/errors.js';
import { toWireTimestamp } from '../../core/time.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { isActiveMember, switchSessionAccount, type LiveSession } from '../sessions/sessions.service.js';
import { nameKey } from '../users/users.rules.js';
import {
  isTimeZone,
  markOnboardingSteps,
  onboardingOf,
  preferencesOf,
  storedPreferences,
  type Preferences,
} from './me.rules.js';
import { getMe, type Me } from './me.service.js';
import {
  findOnboarding,
  lockIdentity,
  renameMembershipCopies,
  updateIdentityProfile,
  updateOnboarding,
} from './me.store.js';

export interface MePatch {
  name?: string;
  timeZone?: string;
  preferences?: Partial<Preferences>;
  currentAccountId?: string;
}

interface AuditChange {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

function checkPatch(patch: MePatch): void {
  const problems: FieldProblem[] = [];
  if (patch.name?.trim() === '') {
    problems.push({ loc: ['body', 'name'], msg: 'Name must not be empty', type: 'value_error' });
  }
  if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) {
    problems.push({
      loc: ['body', 'time_zone'],
      msg: `'${patch.timeZone}' is not an IANA time zone name (such as Europe/Paris, America/New_York or UTC)`,
      type: 'value_error.time_zone',
    });
  }
  if (problems.length > 0) throw invalid(problems);
}

/**
 * Changes the person's own settings; omitted fields stay as they are. A new name replaces the
 * membership copies that still carry the old one (a name an admin gave them in one account
 * stays). Switching the account needs an active, accepted membership there that allows this
 * session's sign-in method: 404 otherwise, as for an account that does not exist. Audited in
 * the account the session works in; a rename also in each account whose copy changed, and a
 * switch in the account switched to, so no account learns of the person's other accounts.
 */
export async function updateMe(deps: Deps, ctx: RequestContext, session: LiveSession, patch: MePatch): Promise<Me> {
  checkPatch(patch);
  const name = patch.name?.trim();
  const switchTo =
    patch.currentAccountId !== undefined && patch.currentAccountId !== session.accountId
      ? patch.currentAccountId
      : null;

  await deps.db.transaction(async (tx) => {
    const identity = await lockIdentity(tx, session.identityId);
    if (identity === undefined) throw unauthenticated('Your session has ended: sign in again');
    if (switchTo !== null && !(await isActiveMember(tx, switchTo, session.identityId, session.method))) {
      throw notFound('Account');
    }
    const now = deps.clock.now();
    const stamp = now.toISOString();
    const profile: AuditChange = { before: {}, after: {} };
    const changes: Parameters<typeof updateIdentityProfile>[2] = { updatedAt: stamp };
    if (name !== undefined && name !== identity.name) {
      changes.name = name;
      profile.before.name = identity.name;
      profile.after.name = name;
    }
    if (patch.timeZone !== undefined && patch.timeZone !== identity.timeZone) {
      changes.timeZone = patch.timeZone;
      profile.before.time_zone = identity.timeZone;
      profile.after.time_zone = patch.timeZone;
    }
    if (patch.preferences !== undefined) {
      const current = preferencesOf(identity.preferences);
      const next: Preferences = {
        landingPage: patch.preferences.landingPage ?? current.landingPage,
        betaFeatures: patch.preferences.betaFeatures ?? current.betaFeatures,
      };
      if (next.landingPage !== current.landingPage || next.betaFeatures !== current.betaFeatures) {
        changes.preferences = storedPreferences(identity.preferences, next);
        profile.before.preferences = storedPreferences({}, current);
        profile.after.preferences = storedPreferences({}, next);
      }
    }

    const audits = new Map<string, AuditChange>();
    const auditIn = (accountId: string, change: AuditChange): void => {
      const entry = audits.get(accountId) ?? { before: {}, after: {} };
      audits.set(accountId, {
        before: { ...entry.before, ...change.before },
        after: { ...entry.after, ...change.after },
      });
    };
    if (Object.keys(profile.after).length > 0) {
      await updateIdentityProfile(tx, identity.id, changes);
      const home = session.accountId ?? switchTo;
      if (home !== null) auditIn(home, profile);
    }
    if (changes.name !== undefined) {
      const renamedIn = await renameMembershipCopies(tx, {
        identityId: identity.id,
        oldName: identity.name,
        newName: changes.name,
        nameKey: nameKey(changes.name),
        now: stamp,
      });
      const rename = { before: { name: identity.name }, after: { name: changes.name } };
      for (const accountId of renamedIn) auditIn(accountId, rename);
    }
    if (switchTo !== null) auditIn(switchTo, { before: {}, after: { current_account_id: switchTo } });
    for (const [accountId, change] of audits) {
      await recordAudit(tx, ctx, now, {
        accountId,
        action: 'me.update',
        targetType: 'user',
        targetId: identity.id,
        before: change.before,
        after: change.after,
      });
    }
  });
  // After the commit, so a refused change switches nothing.
  if (switchTo !== null) await switchSessionAccount(deps, session.id, switchTo);
  return getMe(deps, { ...session, accountId: switchTo ?? session.accountId });
}

/**
 * The account the session works in, when the person may still act there (an active, accepted
 * member allowed this session's sign-in method); 403 when there is none.
 */
export async function currentAccountOf(deps: Deps, session: LiveSession): Promise<string> {
  const accountId = session.accountId;
  if (accountId === null || !(await isActiveMember(deps.db, accountId, session.identityId, session.method))) {
    throw forbidden('You are not an active member of any account: choose one with PATCH /v1/me');
  }
  return accountId;
}

export interface Onboarding {
  accountId: string;
  onboarding: Record<string, unknown>;
}

/** The onboarding steps of the person's membership in the account the session works in. */
export async function getOnboarding(deps: Deps, session: LiveSession): Promise<Onboarding> {
  const accountId = await currentAccountOf(deps, session);
  const row = await findOnboarding(deps.db, accountId, session.identityId);
  if (row === undefined) throw notFound('Account');
  return { accountId, onboarding: onboardingOf(row.onboarding) };
}

/** Marks onboarding steps (by `group.step` path) done or not done in the current account; audited there. */
export async function markMyOnboardingSteps(
  deps: Deps,
  ctx: RequestContext,
  session: LiveSession,
  steps: Record<string, boolean>,
): Promise<Onboarding> {
  const accountId = await currentAccountOf(deps, session);
  return deps.db.transaction(async (tx) => {
    const row = await findOnboarding(tx, accountId, session.identityId, true);
    if (row === undefined) throw notFound('Account');
    const now = deps.clock.now();
    const marked = markOnboardingSteps(onboardingOf(row.onboarding), steps, toWireTimestamp(now));
    if (marked.problems.length > 0) throw invalid(marked.problems);
    await updateOnboarding(tx, accountId, session.identityId, marked.onboarding, now.toISOString());
    await recordAudit(tx, ctx, now, {
      accountId,
      action: 'me.onboarding',
      targetType: 'user',
      targetId: session.identityId,
      after: { steps },
    });
    return { accountId, onboarding: marked.onboarding };
  });
}
