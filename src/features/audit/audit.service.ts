import type { RequestContext } from '../../core/context.js';
import { newId } from '../../core/ids.js';
import type { Executor } from '../../db/client.js';
import { insertAuditEvent } from './audit.store.js';

export interface AuditEntry {
  accountId: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Records a change. Call it with the change's own transaction, so the record and the change
 * commit or roll back together.
 */
export async function recordAudit(tx: Executor, ctx: RequestContext, now: Date, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(tx, {
    accountId: entry.accountId,
    id: newId(now),
    occurredAt: now.toISOString(),
    actorType: ctx.actor.type,
    actorId: ctx.actor.identityId,
    tokenId: ctx.actor.tokenId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
    clientIp: ctx.clientIp,
  });
}
