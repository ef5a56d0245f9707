import { SMTPServer } from 'smtp-server';

export interface MailSink {
  url: string;
  delivered(): number;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that accepts and counts every message, so invitations are delivered. */
export async function startMailSink(): Promise<MailSink> {
  let delivered = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: nodemailer would otherwise upgrade to TLS against a self-signed certificate.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        delivered += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('The mail sink has no port');
  return {
    url: `smtp://127.0.0.1:${String(address.port)}`,
    delivered: () => delivered,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(resolve);
      }),
  };
}
