import type { Deps } from '../deps.js';
import type { Executor, Transaction } from '../db/client.js';
import { newId } from '../core/ids.js';
import {
  findDeadMessages,
  insertOutboxMessage,
  leaseDueMessages,
  markMessageFailed,
  markMessageSent,
  renewLeases,
  type MessageLease,
  type OutboxRow,
} from './outbox.store.js';
import type { MailContent } from './templates.js';
import type { MailTransport } from './transport.js';

const BATCH_SIZE = 20;
/** With the doubling below, a message is retried for about an hour before it is dead. */
const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 30_000;

export interface MailToQueue {
  accountId: string | null;
  to: string;
  content: MailContent;
}

/**
 * Queues a message in the caller's transaction: it is sent only if the change commits, and
 * never lost once it has. Taking a `Transaction` makes queueing outside one a type error.
 */
export async function queueMail(tx: Transaction, now: Date, mail: MailToQueue): Promise<string> {
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
  const leaseUntil = leaseEnd(deps, now);
  const leased = await deps.db.transaction((tx) => leaseDueMessages(tx, now.toISOString(), leaseUntil, BATCH_SIZE));
  if (leased.length === 0) return { leased: 0, delivered: 0 };
  const hold = holdLeases(deps, leaseUntil, leased);
  try {
    // Settled, not all: one message failing to be recorded must not end the others' renewals mid-send.
    const outcomes = await Promise.allSettled(leased.map((message) => deliver(deps, transport, message, hold)));
    const broken = outcomes.find((outcome) => outcome.status === 'rejected');
    if (broken !== undefined) throw broken.reason;
    return {
      leased: leased.length,
      delivered: outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value).length,
    };
  } finally {
    // Nothing of this batch may still be writing once the drain is over: shutdown closes the database next.
    await hold.stop();
  }
}

interface LeaseHold {
  release(id: string): void;
  /** Stops renewing; resolves once a renewal under way has finished. */
  stop(): Promise<void>;
}

/**
 * Renews a batch's leases while it is being sent, so however slow the mail server, no other
 * worker takes (and sends again) what a live one is still sending. A killed worker renews
 * nothing: its leases lapse after MAIL_LEASE_SECONDS and another process sends the mail.
 */
function holdLeases(deps: Deps, leaseUntil: string, leased: OutboxRow[]): LeaseHold {
  const held = new Map<string, MessageLease>(leased.map((m) => [m.id, { id: m.id, attempts: m.attempts }]));
  let until = leaseUntil;
  let renewing: Promise<void> | null = null;
  const renew = (): void => {
    if (renewing !== null || held.size === 0) return;
    const renewed = leaseEnd(deps, deps.clock.now());
    renewing = renewLeases(deps.db, [...held.values()], until, renewed)
      .then(() => {
        until = renewed;
      })
      .catch((error: unknown) => {
        deps.log.warn({ err: error }, 'Could not renew the leases of the mail being sent');
      })
      .finally(() => {
        renewing = null;
      });
  };
  const timer = setInterval(renew, (deps.config.mailLeaseSeconds * 1_000) / 3);
  timer.unref();
  return {
    release: (id) => {
      held.delete(id);
    },
    stop: async () => {
      clearInterval(timer);
      await renewing;
    },
  };
}

function leaseEnd(deps: Deps, from: Date): string {
  return new Date(from.getTime() + deps.config.mailLeaseSeconds * 1_000).toISOString();
}

async function deliver(deps: Deps, transport: MailTransport, message: OutboxRow, hold: LeaseHold): Promise<boolean> {
  const lease: MessageLease = { id: message.id, attempts: message.attempts };
  try {
    await transport.send({
      id: message.id,
      from: deps.config.mailFrom,
      to: message.toAddress,
      subject: message.subject,
      text: message.textBody ?? '',
      html: message.htmlBody,
    });
  } catch (error) {
    hold.release(message.id);
    await recordFailure(deps, message, lease, error instanceof Error ? error.message : String(error));
    return false;
  }
  hold.release(message.id);
  if (!(await markMessageSent(deps.db, lease, deps.clock.now().toISOString()))) {
    deps.log.warn({ mailId: message.id }, 'Mail delivered after its lease was lost: it may have gone out twice');
  }
  return true;
}

async function recordFailure(deps: Deps, message: OutboxRow, lease: MessageLease, error: string): Promise<void> {
  const now = deps.clock.now();
  const dead = message.attempts >= MAX_ATTEMPTS;
  const retryAt = dead ? null : new Date(now.getTime() + retryDelayMs(message.attempts)).toISOString();
  const recorded = await markMessageFailed(deps.db, lease, error.slice(0, 500), retryAt, now.toISOString());
  const details = { mailId: message.id, template: message.template, attempts: message.attempts, err: error };
  if (!recorded) deps.log.warn(details, 'Mail delivery failed after its lease was lost');
  else if (dead) deps.log.error(details, `Mail given up after ${String(MAX_ATTEMPTS)} attempts`);
  else deps.log.warn({ ...details, retryAt }, 'Mail delivery failed; it will be retried');
}

/** 30 s after the first attempt, then doubling: 1, 2, 4, 8, 16, 32 minutes. */
function retryDelayMs(attempts: number): number {
  return FIRST_RETRY_MS * 2 ** (attempts - 1);
}

/** Mail given up on, newest first, for operators (`steward mail --failed`). */
export async function listDeadMail(ex: Executor, limit = 100): Promise<OutboxRow[]> {
  return findDeadMessages(ex, limit);
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
  // What was pending when the process last stopped goes out now, not a tick later.
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
