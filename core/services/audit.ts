import { and, desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { Db } from '../../db/open';
import type { Engine } from '../../db/engine';

type AuditEntry = { action: string; entity: string; entityId?: number | null; summary?: string };

function rowOf(deps: { now: () => Date; user: string }, entry: AuditEntry) {
  return {
    at: deps.now().toISOString(),
    user: deps.user,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    summary: entry.summary ?? '',
  };
}

/** Records who did what, on the engine (in the caller's `engine.transaction` when there is one). */
export async function audit(deps: { engine: Engine; now: () => Date; user: string }, entry: AuditEntry): Promise<void> {
  const { db, t } = deps.engine;
  await db.insert(t.auditLog).values(rowOf(deps, entry));
}

/**
 * The same on a synchronous SQLite connection, for the register import (residents-import.ts): it
 * runs on the background worker's own connection (or the demo's SQLite file), in its transaction.
 * Services use `audit`.
 */
export function recordAudit(deps: { db: Db; now: () => Date; user: string }, entry: AuditEntry): void {
  deps.db.insert(auditLog).values(rowOf(deps, entry)).run();
}

/**
 * Who last changed a record that has no number (a template: entity "template", summary starting
 * with its id and a colon), and when; null when the audit log has no such entry.
 */
export async function lastChangeOf(engine: Engine, entity: string, summaryPrefix: string): Promise<{ user: string; at: string } | null> {
  const { db, t } = engine;
  const [last] = await db
    .select({ user: t.auditLog.user, at: t.auditLog.at })
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entity, entity), sql`substr(${t.auditLog.summary}, 1, ${summaryPrefix.length}) = ${summaryPrefix}`))
    .orderBy(desc(t.auditLog.id))
    .limit(1);
  return last ?? null;
}
