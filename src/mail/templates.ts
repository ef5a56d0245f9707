export interface MailContent {
  template: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * The one layout every mail uses: a mail is a list of blocks, each rendered once as plain text
 * and once as escaped HTML, so the two parts always say the same thing.
 *
 *   composeMail('invitation', subject, [
 *     greeting(name),
 *     paragraph(inviter, ' invited you to the ', strong(account), ' account.'),
 *     action('Open this link to accept the invitation:', 'Accept the invitation', link),
 *     paragraph(`The link works once and expires on ${mailTime(expiresAt)}.`, LINE_BREAK, 'If …'),
 *     footnote('You get this mail because …'),
 *   ])
 */
export interface MailBlock {
  text: string;
  html: string;
}

/** Bold in the HTML part, plain in the text part. */
export interface Strong {
  strong: string;
}

export const LINE_BREAK = { lineBreak: true } as const;

export type Piece = string | Strong | typeof LINE_BREAK;

export function composeMail(template: string, subject: string, blocks: MailBlock[]): MailContent {
  const text = blocks.map((block) => block.text).join('\n\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
${blocks.map((block) => block.html).join('\n')}
</body></html>`;
  return { template, subject, text, html };
}

/** "Hello Ada," or, when the mail goes to an address with no known name, "Hello,". */
export function greeting(name: string | null): MailBlock {
  return paragraph(name === null ? 'Hello,' : `Hello ${name},`);
}

export function strong(text: string): Strong {
  return { strong: text };
}

export function paragraph(...pieces: Piece[]): MailBlock {
  return { text: pieces.map(pieceText).join(''), html: `<p>${pieces.map(pieceHtml).join('')}</p>` };
}

/** Small print (why the person gets this mail): muted in HTML. */
export function footnote(...pieces: Piece[]): MailBlock {
  return { text: pieces.map(pieceText).join(''), html: `<p style="color:#666">${pieces.map(pieceHtml).join('')}</p>` };
}

/**
 * The link the mail is about. The text part gives the prompt and the URL alone on its line (mail
 * readers make it clickable); the HTML part a link labelled `label`, the URL appearing once.
 */
export function action(prompt: string, label: string, url: string): MailBlock {
  return { text: `${prompt}\n\n${url}`, html: `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>` };
}

/** A moment as mail shows it, in UTC since the reader's time zone is unknown: "2026-01-15 10:00 UTC". */
export function mailTime(moment: Date): string {
  return `${moment.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function pieceText(piece: Piece): string {
  if (typeof piece === 'string') return piece;
  return 'strong' in piece ? piece.strong : '\n';
}

function pieceHtml(piece: Piece): string {
  if (typeof piece === 'string') return escapeHtml(piece);
  return 'strong' in piece ? `<strong>${escapeHtml(piece.strong)}</strong>` : '<br>';
}

export interface InvitationMailInput {
  accountName: string;
  inviterLabel: string;
  inviteeName: string;
  link: string;
  expiresAt: Date;
}

export function invitationMail(input: InvitationMailInput): MailContent {
  return composeMail('invitation', `You are invited to ${input.accountName}`, [
    greeting(input.inviteeName),
    paragraph(input.inviterLabel, ' invited you to the ', strong(input.accountName), ' account.'),
    action('Open this link to accept the invitation and choose your password:', 'Accept the invitation', input.link),
    paragraph(
      `The link works once and expires on ${mailTime(input.expiresAt)}.`,
      LINE_BREAK,
      'If you did not expect this invitation, ignore this message.',
    ),
  ]);
}

function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface PasswordResetMailInput {
  name: string;
  email: string;
  link: string;
  expiresAt: Date;
}

export function passwordResetMail(input: PasswordResetMailInput): MailContent {
  return composeMail('password_reset', 'Reset your Steward password', [
    greeting(input.name),
    paragraph('Someone asked to reset the password of ', strong(input.email), '.'),
    action('Open this link to choose a new password:', 'Choose a new password', input.link),
    paragraph(
      `The link works once and expires on ${mailTime(input.expiresAt)}. Choosing a new password signs you out everywhere.`,
      LINE_BREAK,
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ),
  ]);
}

export interface EmailChangeMailInput {
  name: string;
  newEmail: string;
  link: string;
  expiresAt: Date;
}

/** To the new address: the link that proves the person reads it, and makes the change. */
export function emailChangeMail(input: EmailChangeMailInput): MailContent {
  return composeMail('email_change', 'Confirm your new Steward email', [
    greeting(input.name),
    paragraph('You asked to sign in to Steward as ', strong(input.newEmail), ' from now on.'),
    action('Open this link to confirm the change:', 'Confirm the change', input.link),
    paragraph(
      `The link works once and expires on ${mailTime(input.expiresAt)}. Until it is opened your email stays as it is.`,
      LINE_BREAK,
      'If you did not ask for this, ignore this message.',
    ),
  ]);
}

/** To the old address: a change was asked for, so a person whose session was taken over hears of it. */
export function emailChangeNoticeMail(input: { name: string; oldEmail: string; newEmail: string }): MailContent {
  return composeMail('email_change_notice', 'A change of your Steward email was requested', [
    greeting(input.name),
    paragraph(
      'Someone signed in as you asked to change your Steward email from ',
      strong(input.oldEmail),
      ' to ',
      strong(input.newEmail),
      '.',
    ),
    paragraph(`It takes effect only when the link mailed to ${input.newEmail} is opened, within an hour.`),
    paragraph(
      'If this was not you, sign in now, change your password and end your other sessions, and tell your account admin.',
    ),
  ]);
}

/** To a new address that already has a sign-in: nothing changes, and the asker is not told why. */
export function emailInUseMail(input: { newEmail: string }): MailContent {
  return composeMail('email_in_use', 'This address already signs in to Steward', [
    greeting(null),
    paragraph('Someone signed in to Steward asked to use ', strong(input.newEmail), ' as their email.'),
    paragraph(
      'This address already belongs to a Steward sign-in, so nothing was changed.',
      LINE_BREAK,
      'If that was you, sign in with this address instead (ask for a password reset if you need one).',
    ),
  ]);
}

export interface AlertMailInput {
  accountName: string;
  recipientName: string;
  /** what kind of alert, as a person reads it (e.g. "Runtime status") */
  alertLabel: string;
  severity: 'info' | 'warning' | 'error';
  subject: string;
  message: string;
  environmentName: string | null;
  settingsUrl: string;
}

/** A platform event, mailed to a member who subscribed to its kind of alert. */
export function alertMail(input: AlertMailInput): MailContent {
  const severity = { info: 'Info', warning: 'Warning', error: 'Error' }[input.severity];
  const subject = `[${input.accountName}] ${input.severity === 'info' ? '' : `${severity}: `}${input.subject}`;
  const facts = [
    `Account: ${input.accountName}`,
    ...(input.environmentName === null ? [] : [`Environment: ${input.environmentName}`]),
    `Alert: ${input.alertLabel}`,
    `Severity: ${severity}`,
  ];
  return composeMail('alert', subject, [
    greeting(input.recipientName),
    paragraph(...lines(input.message.split('\n'))),
    paragraph(...lines(facts)),
    footnote(
      `You get this mail because you subscribed to ${input.alertLabel.toLowerCase()} alerts in ${input.accountName}. `,
      `Change your email alerts in My settings: ${input.settingsUrl}`,
    ),
  ]);
}

/** Lines of one paragraph, kept apart by line breaks. */
function lines(texts: string[]): Piece[] {
  return texts.flatMap((text, index) => (index === 0 ? [text] : [LINE_BREAK, text]));
}
