/**
 * The mark of a read-only copy of an office database (`db copy --to-data-dir`, the office-mode
 * backup): a row of the `settings` table, so the copy carries it wherever the folder goes, and
 * says what it was copied from and when. Copied back into an office database (restoring a
 * backup) it stays behind (plan.ts). The app does not act on it yet: a laptop that opens such a
 * folder neither says that it works on a copy nor refuses changes.
 */
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
