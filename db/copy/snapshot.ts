/**
 * The mark of a read-only copy of an office database (`db copy --to-data-dir`, the office-mode
 * backup): a row of the `settings` table, so the copy carries it wherever the folder goes, and
 * says what it was copied from and when. Copied back into an office database (restoring a
 * backup) it stays behind (plan.ts). An app opened on such a copy says so and refuses every
 * change (core/app/read-only-copy.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';

export const SNAPSHOT_SETTING = 'readOnlySnapshot';

export interface SnapshotMark {
  /** The office database it was copied from, for people (never the password). */
  of: string;
  /** When (ISO 8601, UTC). */
  copiedAt: string;
}

/** The stored value of the `readOnlySnapshot` setting, or null when the database is no such copy. */
export function parseSnapshotMark(value: unknown): SnapshotMark | null {
  if (typeof value !== 'object' || value === null) return null;
  const { of, copiedAt } = value as Record<string, unknown>;
  return typeof of === 'string' && typeof copiedAt === 'string' ? { of, copiedAt } : null;
}

/** The mark of the SQLite database `client`, or null when it is no read-only copy. */
export function readSnapshotMark(client: BetterSqlite3.Database): SnapshotMark | null {
  const row = client.prepare('SELECT value FROM settings WHERE key = ?').get(SNAPSHOT_SETTING) as { value: string } | undefined;
  if (!row) return null;
  try {
    return parseSnapshotMark(JSON.parse(row.value));
  } catch {
    return null;
  }
}
