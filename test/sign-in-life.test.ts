import { afterAll, describe, expect, it } from 'vitest';
import { drainBacklog } from '../src/mail/outbox.js';
import { createMailTransport } from '../src/mail/transport.js';
import { useTestApp } from './app.js';
import { createAccount, issueToken } from './factories.js';
import { browserWith, cookiesOf, GOOD_PASSWORD, signIn } from './sign-in.js';
import { startTestSmtp } from './smtp.js';
import { enrolTwoFactor, nextStep, secondStep, signInWithSecondFactor, startSignIn, totpCode } from './two-factor.js';

/**
 * A member's whole life, through the HTTP API only, with a real SMTP server: invited, accepts,
 * signs in, enrols 2FA, signs in with a code and with a recovery code, and is deactivated.
 */
const smtp = await startTestSmtp();
const t = useTestApp({ SMTP_URL: smtp.url });

afterAll(async () => {
  await smtp.close();
});

const INVITATION_LINK = /http:\/\/steward\.test\/invitations\/(stwi_[0-9a-f]{24}_[A-Za-z0-9_-]{43})/;

function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('a member’s life', () => {
  it('runs from invitation to deactivation, and each step holds', async () => {
    const account = await createAccount(t);
    const email = 'ines.costa@example.com';

    const invited = await t.call({
      method: 'POST',
      url: `/v1/accounts/${account.accountId}/users/invite`,
      token: account.token,
      body: { user_email: email, user_name: 'Ines', environments: {}, allow_login_password: true, is_admin: false },
    });
    expect(invited.statusCode, invited.body).toBe(200);

    const transport = createMailTransport(t.config, t.deps.log);
    try {
      await drainBacklog(t.deps, transport);
    } finally {
      transport.close();
    }
    const mail = smtp.accepted.find((message) => message.to.includes(email));
    const token = INVITATION_LINK.exec(decodeQuotedPrintable(mail?.raw ?? ''))?.[1];
    expect(token).toBeDefined();

    const invitation = await t.call({ method: 'GET', url: `/v1/invitations/${token ?? ''}` });
    expect(invitation.json()).toMatchObject({ email, needs_password: true });
    const accepted = await t.call({
      method: 'POST',
      url: `/v1/invitations/${token ?? ''}/accept`,
      body: { user_name: 'Ines Costa', password: GOOD_PASSWORD },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const userId = accepted.json<{ user_id: string }>().user_id;
    const reused = await t.call({
      method: 'POST',
      url: `/v1/invitations/${token ?? ''}/accept`,
      body: { user_name: 'Ines Costa', password: GOOD_PASSWORD },
    });
    expect(reused.statusCode).toBe(410);
    const member = await t.call({
      method: 'GET',
      url: `/v1/accounts/${account.accountId}/users/${userId}`,
      token: account.token,
    });
    expect(member.json()).toMatchObject({ status: 'active', user_name: 'Ines Costa' });

    const browser = await signIn(t, email, GOOD_PASSWORD);
    const { secret, recoveryCodes } = await enrolTwoFactor(t, browser);
    expect(recoveryCodes).toHaveLength(10);
    expect((await browser.call({ method: 'POST', url: '/v1/auth/logout' })).statusCode).toBe(204);
    expect((await browser.call({ method: 'GET', url: '/v1/me' })).statusCode).toBe(401);

    nextStep(t);
    const pending = await startSignIn(t, email, GOOD_PASSWORD);
    expect((await t.call({ method: 'GET', url: '/v1/me', headers: { cookie: pending } })).statusCode).toBe(401);
    const withCode = await secondStep(t, pending, { code: totpCode(t, secret) });
    expect(withCode.statusCode, withCode.body).toBe(200);
    const coded = await browserWith(t, cookiesOf(withCode));
    expect((await coded.call({ method: 'GET', url: '/v1/me' })).json()).toMatchObject({ two_factor_enabled: true });

    const recoveryCode = recoveryCodes[0] ?? '';
    const recovered = await signInWithSecondFactor(t, email, GOOD_PASSWORD, { recovery_code: recoveryCode });
    expect((await recovered.call({ method: 'GET', url: '/v1/me' })).statusCode).toBe(200);
    const again = await secondStep(t, await startSignIn(t, email, GOOD_PASSWORD), { recovery_code: recoveryCode });
    expect(again.statusCode).toBe(401);

    const memberToken = await issueToken(t, account.accountId, userId, ['token:list']);
    const tokensUrl = `/v1/accounts/${account.accountId}/tokens`;
    expect((await t.call({ method: 'GET', url: tokensUrl, token: memberToken })).statusCode).toBe(200);

    const deactivated = await t.call({
      method: 'PATCH',
      url: `/v1/accounts/${account.accountId}/users/${userId}/active`,
      token: account.token,
      body: { is_active: false },
    });
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect((await coded.call({ method: 'GET', url: '/v1/me' })).statusCode).toBe(401);
    expect((await recovered.call({ method: 'GET', url: tokensUrl })).statusCode).toBe(401);
    expect((await t.call({ method: 'GET', url: tokensUrl, token: memberToken })).statusCode).toBe(401);
    const signInAgain = await t.call({
      method: 'POST',
      url: '/v1/auth/login',
      body: { email, password: GOOD_PASSWORD },
    });
    expect(signInAgain.statusCode).toBe(403);
  });
});
