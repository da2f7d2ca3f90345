import { auditLog } from '../../db/schema';
import type { Db } from '../../db/open';

/** Records who did what (in the caller's transaction when there is one). */
export function recordAudit(
  deps: { db: Db; now: () => Date; user: string },
  entry: { action: string; entity: string; entityId?: number | null; summary?: string },
): void {
  deps.db
    .insert(auditLog)
    .values({
      at: deps.now().toISOString(),
      user: deps.user,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      summary: entry.summary ?? '',
    })
    .run();
}
