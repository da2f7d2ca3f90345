import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { AppError } from '../../core/api/errors';
import { formatMomentNumeric } from '../../core/domain/dates/format';
import type { Engine } from './types';

/** A table whose rows carry `revision` (rises by one with every saved change) beside `id`, and mostly `updatedAt` (the gift stock has none). */
export type RevisionedTable = PgTable & { id: PgColumn; revision: PgColumn; updatedAt?: PgColumn };

/** How the German messages name a record of the table, and where the audit log keeps its changes. */
export interface RevisionedRecord {
  /** The audit log's entity name ("contact"): who changed the record last is read from there. */
  entity: string;
  /** "Dieser Kontakt", "Dieser Termin", "Dieses Anliegen". */
  thisOne: string;
  /** The pronoun for "Bitte laden Sie ihn neu": "ihn", "sie" or "es". */
  it: 'ihn' | 'sie' | 'es';
}

/** Audit entries that record a reading, not a change (who looked at a request, who exported it): never named as the one who changed it. */
const READING_ACTIONS = ['view', 'export'];

/** The record a change is meant for, as the user loaded it. */
export interface RevisionTarget {
  id: number;
  revision: number;
}

/**
 * Updates the row only when its revision is still the one the user loaded, and raises it by one
 * in the same statement — of two PCs saving the same revision exactly one wins (PostgreSQL
 * re-reads the condition once the first commit releases the row; SQLite writes one at a time).
 * Otherwise nothing changes and the call is refused with STALE (see `refuseStale`). Returns the
 * new revision. Use it inside `engine.transaction` when more is written with it.
 */
export async function updateAtRevision<T extends RevisionedTable>(
  engine: Engine,
  table: T,
  record: RevisionedRecord,
  target: RevisionTarget,
  set: PgUpdateSetSource<T>,
): Promise<number> {
  const [row] = await engine.db
    .update(table)
    .set({ ...set, revision: sql`${table.revision} + 1` } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, target.id), eq(table.revision, target.revision)))
    .returning({ revision: table.revision });
  if (!row) return refuseStale(engine, table, record, target);
  return row.revision as number;
}

/** Deletes the row only when its revision is still the one the user loaded; otherwise refused as in `updateAtRevision`. */
export async function deleteAtRevision(engine: Engine, table: RevisionedTable, record: RevisionedRecord, target: RevisionTarget): Promise<void> {
  const deleted = await engine.db
    .delete(table)
    .where(and(eq(table.id, target.id), eq(table.revision, target.revision)))
    .returning({ id: table.id });
  if (deleted.length === 0) await refuseStale(engine, table, record, target);
}

/**
 * Refuses (as `refuseStale`) a change made against `loadedRevision` when the record as just read
 * (`current`) is at another one: for changes that must check before they do anything else.
 */
export async function refuseUnlessCurrent(
  engine: Engine,
  table: RevisionedTable,
  record: RevisionedRecord,
  current: RevisionTarget,
  loadedRevision: number,
): Promise<void> {
  if (current.revision !== loadedRevision) await refuseStale(engine, table, record, { id: current.id, revision: loadedRevision });
}

/**
 * The refusal when a change found another revision than the user's: STALE with who changed the
 * record last and when (the audit log's last entry of a change for it — views and exports do not
 * count; without one, the row's `updatedAt`).
 * A record that is gone is NOT_FOUND.
 */
export async function refuseStale(engine: Engine, table: RevisionedTable, record: RevisionedRecord, target: RevisionTarget): Promise<never> {
  const { db, t } = engine;
  const [current] = await db
    .select({ revision: table.revision, updatedAt: table.updatedAt ?? sql<null>`null` })
    .from(table as PgTable)
    .where(eq(table.id, target.id))
    .limit(1);
  if (!current) {
    throw new AppError('NOT_FOUND', `${record.thisOne} wurde inzwischen gelöscht; Ihre Änderungen sind nicht gespeichert.`, { id: target.id });
  }
  const [last] = await db
    .select({ user: t.auditLog.user, at: t.auditLog.at })
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entity, record.entity), eq(t.auditLog.entityId, target.id), notInArray(t.auditLog.action, READING_ACTIONS)))
    .orderBy(desc(t.auditLog.id))
    .limit(1);
  const by = last ? ` von ${last.user}` : '';
  const when = last?.at ?? (current.updatedAt as string | null);
  const at = when ? ` (${formatMomentNumeric(when)})` : '';
  throw new AppError(
    'STALE',
    `${record.thisOne} wurde inzwischen${by} geändert${at}. Bitte laden Sie ${record.it} neu; Ihre Änderungen sind nicht gespeichert.`,
    { id: target.id, revision: current.revision as number, yourRevision: target.revision, changedBy: last?.user ?? null, changedAt: when },
  );
}
