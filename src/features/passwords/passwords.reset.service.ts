import { TransactionRollbackError } from 'drizzle-orm';
import type { RequestContext } from '../../core/context.js';
import { gone, notFound } from '../../core/errors.js';
import { isSecretOf, keyedHash, newSecret } from '../../core/secrets.js';
import { addHours, dbTimestampMs } from '../../core/time.js';
import type { Deps } from '../../deps.js';
import { queueMail } from '../../mail/outbox.js';
import { passwordResetMail } from '../../mail/templates.js';
import { endSessionsOf } from '../sessions/sessions.service.js';
import { auditPasswordEvent, setPassword } from './passwords.service.js';
import {
  expireOpenResetLinks,
  findResetLink,
  insertResetLinkFor,
  lockPasswordOwner,
  lockPasswordOwnerByEmail,
  markIdentityLinkUsed,
} from './passwords.store.js';

export const RESET_TOKEN_PREFIX = 'stwr';
/** How long a reset link works. */
export const RESET_LINK_HOURS = 1;

export function passwordResetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password/${token}`;
}

/**
 * Mails a single-use reset link to the email's identity, if there is one, and ends the links
 * sent before. The caller answers the same either way, and so that it also answers as fast,
 * an unknown email runs the very statements a known one does: its link matches no identity
 * and inserts nothing, and its mail is queued inside a savepoint that is then rolled back.
 */
export async function requestPasswordReset(deps: Deps, email: string): Promise<void> {
  const normalised = email.trim().toLowerCase();
  const now = deps.clock.now();
  const expiresAt = addHours(now, RESET_LINK_HOURS);
  const token = newSecret(RESET_TOKEN_PREFIX);
  const tokenHash = keyedHash(deps.config.secret, 'identity-link', token);
  await deps.db.transaction(async (tx) => {
    const owner = await lockPasswordOwnerByEmail(tx, normalised);
    await expireOpenResetLinks(tx, normalised, now.toISOString());
    const content = passwordResetMail({
      name: owner?.name ?? '',
      email: normalised,
      link: passwordResetLink(deps.config.publicUrl, token),
      expiresAt,
    });
    await tx
      .transaction(async (savepoint) => {
        await insertResetLinkFor(savepoint, normalised, {
          tokenHash,
          createdAt: now.toISOString(),
          expiresAt: expiresAt.toISOString(),
        });
        await queueMail(savepoint, now, { accountId: null, to: owner?.email ?? normalised, content });
        if (owner === undefined) savepoint.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
  });
}

/**
 * Sets a new password through a reset link, checked against the policy of every account the
 * person is in, and ends all their sessions. The link works once: 404 for a token no link
 * has, 410 for one used, replaced by a newer request, or past its hour. A refused password
 * leaves the link usable.
 */
export async function resetPassword(
  deps: Deps,
  ctx: RequestContext,
  input: { token: string; password: string },
): Promise<void> {
  const tokenHash = isSecretOf(RESET_TOKEN_PREFIX, input.token)
    ? keyedHash(deps.config.secret, 'identity-link', input.token)
    : null;
  await deps.db.transaction(async (tx) => {
    const found = tokenHash === null ? undefined : await findResetLink(tx, tokenHash, false);
    if (found === undefined) throw notFound('Reset link');
    // The identity is locked before its link, in the order a forgot request locks them: the
    // other order would let a reset and a new request for the same person deadlock.
    const owner = await lockPasswordOwner(tx, found.identityId);
    const link = await findResetLink(tx, found.tokenHash, true);
    if (owner === undefined || link === undefined) throw notFound('Reset link');
    if (link.usedAt !== null) throw gone('This reset link was already used: ask for a new one if you need it');
    if (dbTimestampMs(link.expiresAt) <= deps.clock.now().getTime()) {
      throw gone('This reset link has expired or was replaced by a newer one: ask for a new link');
    }
    await setPassword(tx, deps, { identityId: owner.id, email: owner.email, password: input.password }, [
      'body',
      'password',
    ]);
    await markIdentityLinkUsed(tx, link.tokenHash, deps.clock.now().toISOString());
    const ended = await endSessionsOf(tx, owner.id, null);
    await auditPasswordEvent(tx, deps, ctx, owner.id, 'password.reset', { sessions_ended: ended });
  });
}
