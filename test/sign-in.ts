import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { identities } from '../src/db/schema/index.js';
import { verifyPassword } from '../src/features/passwords/passwords.hashing.js';
import { findOutboxMessages } from '../src/mail/outbox.store.js';
import type { TestApp } from './app.js';
import { addUser } from './factories.js';
import type { Invitation } from '../src/features/users/users.invite.service.js';

/** A password no policy of the tests refuses. */
export const GOOD_PASSWORD = 'correct horse battery staple 42';

const INVITATION_LINK = /\/invitations\/(stwi_[0-9a-f]{24}_[A-Za-z0-9_-]{43})/;

/**
 * The token of the newest invitation link mailed to `email` (read from the outbox), to
 * `accountId` when given: mails queued in one test-clock instant have no order among them.
 */
export async function invitationTokenFor(t: Pick<TestApp, 'db'>, email: string, accountId?: string): Promise<string> {
  const messages = await findOutboxMessages(t.db, email);
  const tokens = messages
    .filter((m) => m.template === 'invitation')
    .map((m) => INVITATION_LINK.exec(m.textBody ?? '')?.[1])
    .filter((token): token is string => token !== undefined)
    .filter((token) => accountId === undefined || token.startsWith(`stwi_${accountId}_`));
  const token = tokens.at(-1);
  if (token === undefined) throw new Error(`No invitation link in the outbox for ${email}`);
  return token;
}

/** A browser's cookies and CSRF token after signing in. */
export interface Browser {
  cookie: string;
  csrf: string;
  /** `t.call` with this browser's cookie (and the CSRF header on changes) */
  call(options: {
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    url: string;
    body?: unknown;
    csrf?: boolean;
  }): Promise<LightMyRequestResponse>;
}

/** The `name=value` pairs of a response's Set-Cookie headers, for the next request's Cookie header. */
export function cookiesOf(res: LightMyRequestResponse): string {
  return res.cookies
    .filter((c) => c.value !== '')
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

/** A browser holding `cookie`; reads its CSRF token from GET /v1/me. */
export async function browserWith(t: TestApp, cookie: string): Promise<Browser> {
  const me = await t.call({ method: 'GET', url: '/v1/me', headers: { cookie } });
  const csrf = me.statusCode === 200 ? me.json<{ csrf_token: string }>().csrf_token : '';
  return {
    cookie,
    csrf,
    call: (options) =>
      t.call({
        method: options.method,
        url: options.url,
        ...(options.body === undefined ? {} : { body: options.body }),
        headers: {
          cookie,
          ...(options.method !== 'GET' && options.csrf !== false ? { 'x-csrf-token': csrf } : {}),
        },
      }),
  };
}

export async function signIn(t: TestApp, email: string, password: string): Promise<Browser> {
  const res = await t.call({ method: 'POST', url: '/v1/auth/login', body: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json<{ second_factor_required: boolean }>().second_factor_required).toBe(false);
  return browserWith(t, cookiesOf(res));
}

/** Invites a person to the account, accepts with GOOD_PASSWORD (or `password`) and returns their signed-in browser. */
export async function addMember(
  t: TestApp,
  accountId: string,
  options: { password?: string; invitation?: Partial<Invitation> } = {},
): Promise<{ userId: string; email: string; password: string; browser: Browser }> {
  const user = await addUser(t, accountId, options.invitation);
  const password = options.password ?? GOOD_PASSWORD;
  const token = await invitationTokenFor(t, user.email, accountId);
  const res = await t.call({
    method: 'POST',
    url: `/v1/invitations/${token}/accept`,
    body: { user_name: 'New Member', password },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { ...user, password, browser: await browserWith(t, cookiesOf(res)) };
}

/** Checked on the stored hash: a refused sign-in could also be the throttle speaking. */
export async function isPasswordOf(t: Pick<TestApp, 'db'>, identityId: string, password: string): Promise<boolean> {
  const [row] = await t.db
    .select({ hash: identities.passwordHash })
    .from(identities)
    .where(eq(identities.id, identityId));
  return row?.hash != null && (await verifyPassword(row.hash, password));
}

export async function canSignIn(t: TestApp, email: string, password: string): Promise<boolean> {
  const res = await t.call({ method: 'POST', url: '/v1/auth/login', body: { email, password } });
  return res.statusCode === 200;
}
