export interface MailContent {
  template: string;
  subject: string;
  text: string;
  html: string;
}

export interface InvitationMailInput {
  accountName: string;
  inviterLabel: string;
  inviteeName: string;
  link: string;
  expiresAt: Date;
}

export function invitationMail(input: InvitationMailInput): MailContent {
  const expires = `${input.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const subject = `You are invited to ${input.accountName}`;
  const text = [
    `Hello ${input.inviteeName},`,
    '',
    `${input.inviterLabel} invited you to the ${input.accountName} account.`,
    'Open this link to accept the invitation and choose your password:',
    '',
    input.link,
    '',
    `The link works once and expires on ${expires}.`,
    'If you did not expect this invitation, ignore this message.',
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>Hello ${escapeHtml(input.inviteeName)},</p>
<p>${escapeHtml(input.inviterLabel)} invited you to the <strong>${escapeHtml(input.accountName)}</strong> account.</p>
<p><a href="${escapeHtml(input.link)}">Accept the invitation</a></p>
<p>The link works once and expires on ${escapeHtml(expires)}.<br>If you did not expect this invitation, ignore this message.</p>
</body></html>`;
  return { template: 'invitation', subject, text, html };
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
