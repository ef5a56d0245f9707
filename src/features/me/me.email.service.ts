import type { RequestContext } from '../../core/context.js';
import { conflict, gone, invalid, notFound, unauthenticated } from '../../core/errors.js';
import { isSecretOf, keyedHash, newSecret } from '../../core/secrets.js';
import { addHours, dbTimestampMs } from '../../core/time.js';
import type { Deps } from '../../deps.js';
import { queueMail } from '../../mail/outbox.js';
import { emailChangeMail, emailChangeNoticeMail, emailInUseMail } from '../../mail/templates.js';
import { recordAudit } from '../audit/audit.service.js';
import { withCurrentPassword } from '../auth/auth.service.js';
import { verifyPassword } from '../passwords/passwords.hashing.js';
import type { SignInThrottle } from '../sign-in-throttle/sign-in-throttle.service.js';
import type { LiveSession } from '../sessions/sessions.service.js';
import { findUserPermissions } from '../users/users.service.js';
import { isValidEmail } from '../users/users.rules.js';
import {
  changeEmail,
  expireOpenEmailChangeLinks,
  findIdentity,
  findIdentityIdByEmail,
  findSharedAccountIds,
  insertEmailChangeLink,
  lockEmailChangeLink,
  lockIdentity,
  markEmailChangeLinkUsed,
} from './me.store.js';

export const EMAIL_CHANGE_PREFIX = 'stwe';
/** How long the link mailed to the new address works. */
export const EMAIL_CHANGE_LINK_HOURS = 1;

/** The console's confirmation page; it posts the token to `POST /v1/me/email/confirm`. */
export function emailChangeLink(publicUrl: string, token: string): string {
  return `${publicUrl}/confirm-email/${token}`;
}

export interface EmailChangeRequest {
  newEmail: string;
  /** required when the person has a password; people who sign in only through Google or SSO have none */
  currentPassword: string | null;
}

/**
 * Starts a change of the person's email: a single-use link goes to the new address (only
 * reading it proves the address is theirs) and a notice to the old one. Whether another person
 * already has the address is told (409) only when the asker may see that person anyway: a user
 * of an account where they hold `users:view`. Otherwise the answer is the same as for a free
 * address, and the new address is told, by mail, that it already signs in.
 */
export async function requestEmailChange(
  deps: Deps,
  throttle: SignInThrottle,
  ctx: RequestContext,
  session: LiveSession,
  input: EmailChangeRequest,
): Promise<void> {
  const newEmail = input.newEmail.trim().toLowerCase();
  if (!isValidEmail(newEmail)) {
    throw invalid([
      { loc: ['body', 'new_email'], msg: 'value is not a valid email address', type: 'value_error.email' },
    ]);
  }
  const identity = await findIdentity(deps.db, session.identityId);
  if (identity === undefined) throw unauthenticated('Your session has ended: sign in again');
  if (newEmail === identity.email) {
    throw invalid([{ loc: ['body', 'new_email'], msg: 'This is already your email', type: 'value_error' }]);
  }
  const { passwordHash } = identity;
  if (passwordHash !== null) {
    const { currentPassword } = input;
    if (currentPassword === null) {
      throw invalid([{ loc: ['body', 'current_password'], msg: 'Enter your current password', type: 'missing' }]);
    }
    const person = { identityId: identity.id, email: identity.email, purpose: 'email_change' as const };
    await withCurrentPassword(deps, throttle, ctx, person, async () =>
      (await verifyPassword(passwordHash, currentPassword)) ? { proven: true, result: undefined } : { proven: false },
    );
  }
  const holderId = await findIdentityIdByEmail(deps.db, newEmail);
  if (holderId !== undefined && (await maySeeUser(deps, identity.id, holderId))) {
    throw conflict('Another user already has this email');
  }

  const now = deps.clock.now();
  const expiresAt = addHours(now, EMAIL_CHANGE_LINK_HOURS);
  const token = newSecret(EMAIL_CHANGE_PREFIX);
  await deps.db.transaction(async (tx) => {
    await expireOpenEmailChangeLinks(tx, identity.id, now.toISOString());
    if (holderId === undefined) {
      await insertEmailChangeLink(tx, {
        tokenHash: keyedHash(deps.config.secret, 'identity-link', token),
        identityId: identity.id,
        newEmail,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
    }
    const toNewAddress =
      holderId === undefined
        ? emailChangeMail({
            name: identity.name,
            newEmail,
            link: emailChangeLink(deps.config.publicUrl, token),
            expiresAt,
          })
        : emailInUseMail({ newEmail });
    await queueMail(tx, now, { accountId: null, to: newEmail, content: toNewAddress });
    await queueMail(tx, now, {
      accountId: null,
      to: identity.email,
      content: emailChangeNoticeMail({ name: identity.name, oldEmail: identity.email, newEmail }),
    });
    if (session.accountId !== null) {
      await recordAudit(tx, ctx, now, {
        accountId: session.accountId,
        action: 'me.email_change_request',
        targetType: 'user',
        targetId: identity.id,
        after: { new_email: newEmail },
      });
    }
  });
}

/** Whether the person can already list `userId` in an account they share (they hold `users:view` there). */
async function maySeeUser(deps: Deps, identityId: string, userId: string): Promise<boolean> {
  for (const accountId of await findSharedAccountIds(deps.db, identityId, userId)) {
    const permissions = await findUserPermissions(deps, { accountId, userId: identityId });
    if (permissions?.accountPrivileges.includes('users:view') === true) return true;
  }
  return false;
}

/**
 * Completes an email change through the link mailed to the new address: the identity and
 * every membership copy move to it in one transaction, audited in each account. The link works
 * once: 404 for a token no link has, 410 once used, replaced by a newer request or past its
 * hour. An address taken in the meantime is a 409 and leaves the link usable.
 */
export async function confirmEmailChange(deps: Deps, ctx: RequestContext, token: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const link = isSecretOf(EMAIL_CHANGE_PREFIX, token)
      ? await lockEmailChangeLink(tx, keyedHash(deps.config.secret, 'identity-link', token))
      : undefined;
    if (link?.newEmail == null) throw notFound('Email change link');
    if (link.usedAt !== null) throw gone('This link was already used: your email has changed');
    const now = deps.clock.now();
    if (dbTimestampMs(link.expiresAt) <= now.getTime()) {
      throw gone('This link has expired or was replaced by a newer one: ask for the change again');
    }
    const identity = await lockIdentity(tx, link.identityId);
    if (identity === undefined) throw notFound('Email change link');
    const accountIds = await changeEmail(tx, { identityId: identity.id, email: link.newEmail, now: now.toISOString() });
    await markEmailChangeLinkUsed(tx, link.tokenHash, now.toISOString());
    // The link proves its holder is the person, whichever browser opened it.
    const asPerson: RequestContext = {
      ...ctx,
      actor: { type: 'identity', identityId: identity.id, tokenId: null, label: identity.email },
    };
    for (const accountId of accountIds) {
      await recordAudit(tx, asPerson, now, {
        accountId,
        action: 'me.email_change',
        targetType: 'user',
        targetId: identity.id,
        before: { email: identity.email },
        after: { email: link.newEmail },
      });
    }
  });
}
