import { describe, expect, it } from 'vitest';
import {
  action,
  composeMail,
  footnote,
  greeting,
  invitationMail,
  LINE_BREAK,
  mailTime,
  paragraph,
  strong,
} from './templates.js';

describe('the mail layout', () => {
  const mail = composeMail('notice', 'A <notice>', [
    greeting('Ada <admin>'),
    paragraph('R&D ', strong('<Team>'), ' changed.', LINE_BREAK, 'Second "line".'),
    action('Open this link to see it:', 'See <it>', 'https://steward.example/a?b=1&c=2'),
    footnote("You get this because you're subscribed."),
  ]);

  it('says the same in the text part as in the HTML part, blocks apart by blank lines', () => {
    expect(mail).toMatchObject({ template: 'notice', subject: 'A <notice>' });
    expect(mail.text).toBe(
      [
        'Hello Ada <admin>,',
        '',
        'R&D <Team> changed.\nSecond "line".',
        '',
        'Open this link to see it:\n\nhttps://steward.example/a?b=1&c=2',
        '',
        "You get this because you're subscribed.",
      ].join('\n'),
    );
    expect(mail.html).toBe(
      [
        '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
        '<p>Hello Ada &lt;admin&gt;,</p>',
        '<p>R&amp;D <strong>&lt;Team&gt;</strong> changed.<br>Second &quot;line&quot;.</p>',
        '<p><a href="https://steward.example/a?b=1&amp;c=2">See &lt;it&gt;</a></p>',
        '<p style="color:#666">You get this because you&#39;re subscribed.</p>',
        '</body></html>',
      ].join('\n'),
    );
  });

  it('greets without a name when none is known, and shows times in UTC to the minute', () => {
    expect(greeting(null).text).toBe('Hello,');
    expect(mailTime(new Date('2026-01-15T10:07:59.999Z'))).toBe('2026-01-15 10:07 UTC');
  });

  it('gives the invitation both parts, its link once in each', () => {
    const link = 'http://steward.test/invitations/stwi_abc';
    const invitation = invitationMail({
      accountName: 'Acme',
      inviterLabel: 'admin@example.com',
      inviteeName: 'Grace',
      link,
      expiresAt: new Date('2026-01-18T10:00:00.000Z'),
    });
    expect(invitation.subject).toBe('You are invited to Acme');
    expect(invitation.text.split(link)).toHaveLength(2);
    expect(invitation.html.split(link)).toHaveLength(2);
    expect(invitation.text).toContain('admin@example.com invited you to the Acme account.');
    expect(invitation.html).toContain('admin@example.com invited you to the <strong>Acme</strong> account.');
    expect(invitation.text).toContain('expires on 2026-01-18 10:00 UTC.');
  });
});
