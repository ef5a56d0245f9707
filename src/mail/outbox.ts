import type { Deps } from '../deps.js';
import type { Executor } from '../db/client.js';
import { newId } from '../core/ids.js';
import {
  insertOutboxMessage,
  leaseDueMessages,
  markMessageFailed,
  markMessageSent,
  type OutboxRow,
} from './outbox.store.js';
import type { MailContent } from './templates.js';
import type { MailTransport } from './transport.js';

const LEASE_MS = 5 * 60_000;
const BATCH_SIZE = 20;
const MAX_ATTEMPTS = 8;

export interface MailToQueue {
  accountId: string | null;
  to: string;
  content: MailContent;
}

/** Queues a message in the caller's transaction: it is sent only if the change commits. */
export async function queueMail(tx: Executor, now: Date, mail: MailToQueue): Promise<string> {
  const id = newId(now);
  await insertOutboxMessage(tx, {
    id,
    accountId: mail.accountId,
    template: mail.content.template,
    toAddress: mail.to,
    subject: mail.content.subject,
    textBody: mail.content.text,
    htmlBody: mail.content.html,
    nextAttemptAt: now.toISOString(),
    createdAt: now.toISOString(),
  });
  return id;
}

export interface DrainResult {
  leased: number;
  delivered: number;
}

/**
 * Sends one batch of what is due, the messages side by side over the transport's connection
 * pool; returns how many were leased and how many delivered.
 */
export async function drainOutbox(deps: Deps, transport: MailTransport): Promise<DrainResult> {
  const now = deps.clock.now();
  const leased = await deps.db.transaction((tx) =>
    leaseDueMessages(tx, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), BATCH_SIZE),
  );
  const outcomes = await Promise.all(leased.map((message) => deliver(deps, transport, message)));
  return { leased: leased.length, delivered: outcomes.filter(Boolean).length };
}

async function deliver(deps: Deps, transport: MailTransport, message: OutboxRow): Promise<boolean> {
  try {
    await transport.send({
      id: message.id,
      from: deps.config.mailFrom,
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody ?? '',
      html: message.htmlBody,
    });
    await markMessageSent(deps.db, message.id, deps.clock.now().toISOString());
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const retryAt =
      message.attempts >= MAX_ATTEMPTS
        ? null
        : new Date(deps.clock.now().getTime() + backoffMs(message.attempts)).toISOString();
    await markMessageFailed(deps.db, message.id, reason.slice(0, 500), retryAt, deps.clock.now().toISOString());
    deps.log.warn({ mailId: message.id, attempts: message.attempts, err: reason }, 'Mail delivery failed');
    return false;
  }
}

function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
}

/** Drains batch after batch while full batches come back; returns how many were delivered. */
export async function drainBacklog(
  deps: Deps,
  transport: MailTransport,
  isStopped: () => boolean = () => false,
): Promise<number> {
  let delivered = 0;
  for (;;) {
    const batch = await drainOutbox(deps, transport);
    delivered += batch.delivered;
    if (batch.leased < BATCH_SIZE || isStopped()) return delivered;
  }
}

export interface OutboxWorker {
  stop(): Promise<void>;
}

/**
 * Drains the outbox every `intervalMs`, each time down to what is not yet due, so a burst of
 * invitations goes out at the speed of the mail server, not one batch a tick.
 */
export function startOutboxWorker(deps: Deps, transport: MailTransport, intervalMs = 2_000): OutboxWorker {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = (): void => {
    if (stopped || running !== null) return;
    running = drainBacklog(deps, transport, () => stopped)
      .then(() => undefined)
      .catch((error: unknown) => {
        deps.log.error({ err: error }, 'Mail outbox drain failed');
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
