import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server saw it, after its DATA was read. */
export interface SmtpMessage {
  to: string[];
  messageId: string | null;
  raw: string;
}

/**
 * What the server answers a message's DATA: accept it; refuse it with an SMTP reply; or hold
 * it, answering nothing until `releaseHeld` (a stalled or slow mail server).
 */
export type SmtpVerdict = 'accept' | 'hold' | { refuse: string; code: number };

export interface TestSmtpServer {
  url: string;
  /** Every message that reached the end of DATA, whatever the answer. */
  seen: SmtpMessage[];
  /** Messages answered 250: delivered, as far as the sender can know. */
  accepted: SmtpMessage[];
  /** Messages waiting for an answer. */
  held: SmtpMessage[];
  /** Decides each message's answer; accepts everything until replaced. */
  decide: (message: SmtpMessage) => SmtpVerdict;
  /** Accepts every held message. */
  releaseHeld(): void;
  /** Forgets the held messages unanswered (their sender died: its connections are gone). */
  dropHeld(): void;
  /** Resolves once `condition` holds, checked after every message the server handles. */
  until(condition: () => boolean): Promise<void>;
  close(): Promise<void>;
}

/** A real SMTP server on loopback whose answers a test controls, message by message. */
export async function startTestSmtp(): Promise<TestSmtpServer> {
  const waiters = new Set<() => void>();
  const notify = (): void => {
    for (const wake of [...waiters]) wake();
  };
  let pending: { message: SmtpMessage; answer: () => void }[] = [];

  const server: TestSmtpServer = {
    url: '',
    seen: [],
    accepted: [],
    held: [],
    decide: () => 'accept',
    releaseHeld: () => {
      const released = pending;
      pending = [];
      server.held = [];
      for (const { message, answer } of released) {
        server.accepted.push(message);
        answer();
      }
      notify();
    },
    dropHeld: () => {
      pending = [];
      server.held = [];
    },
    until: async (condition) => {
      while (!condition()) {
        await new Promise<void>((resolve) => {
          const wake = (): void => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        smtp.close(resolve);
      }),
  };

  const smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: without this nodemailer would upgrade to TLS against a self-signed certificate.
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Loopback needs no name lookup, which can take its full 1.5 s timeout per connection.
    disableReverseLookup: true,
    closeTimeout: 200,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const message: SmtpMessage = {
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? null,
          raw,
        };
        server.seen.push(message);
        const verdict = server.decide(message);
        if (verdict === 'accept') {
          server.accepted.push(message);
          callback();
        } else if (verdict === 'hold') {
          server.held.push(message);
          pending.push({
            message,
            answer: () => {
              callback();
            },
          });
        } else {
          callback(Object.assign(new Error(verdict.refuse), { responseCode: verdict.code }));
        }
        notify();
      });
    },
  });
  // A sender killed mid-message resets its connections: expected here, not a failure.
  smtp.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    smtp.listen(0, '127.0.0.1', resolve);
  });
  const address = smtp.server.address();
  if (address === null || typeof address === 'string') throw new Error('The SMTP server has no port');
  server.url = `smtp://127.0.0.1:${String(address.port)}`;
  return server;
}

/** How many accepted messages each recipient got. */
export function deliveriesByRecipient(smtp: TestSmtpServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of smtp.accepted) {
    for (const to of message.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
}
