import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config.js';

export interface OutgoingMail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailTransport(config: Config, log: Logger): MailTransport {
  return config.smtpUrl === null ? fileTransport(join(config.dataDir, 'mail'), log) : smtpTransport(config.smtpUrl);
}

/**
 * Pooled: the outbox sends a batch side by side over a few kept-open connections. A mail server
 * that stops answering fails the attempt within a minute (nodemailer waits ten by default), so
 * one stalled connection does not hold the rest of the outbox that long.
 */
function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    send: async (mail) => {
      await transporter.sendMail(toNodemailer(mail));
    },
    close: () => {
      transporter.close();
    },
  };
}

/**
 * Without an SMTP server the mail is written as an .eml file and its links are logged, so a
 * single-machine install can still invite people. Only this mode ever logs a link.
 */
function fileTransport(folder: string, log: Logger): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    send: async (mail) => {
      const info = await builder.sendMail(toNodemailer(mail));
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const file = join(folder, `${mail.id}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
      log.info({ mailFile: file, to: mail.to, links }, `Mail "${mail.subject}" written to ${file} (no SMTP_URL set)`);
    },
    close: () => undefined,
  };
}

/**
 * The Message-ID is the outbox row's id, the same on every attempt: a receiving server that saw
 * a message whose acceptance Steward could not record (at-least-once) can drop the repeat.
 */
function toNodemailer(mail: OutgoingMail): SendMailOptions {
  return {
    messageId: `<${mail.id}@steward>`,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html === null ? {} : { html: mail.html }),
  };
}
