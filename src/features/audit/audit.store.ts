import type { Executor } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';

export type AuditEventInsert = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(ex: Executor, event: AuditEventInsert): Promise<void> {
  await ex.insert(auditEvents).values(event);
}
