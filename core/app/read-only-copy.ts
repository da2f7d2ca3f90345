import type { Db } from '../../db/open';
import { readSnapshotMark, type SnapshotMark } from '../../db/copy/snapshot';
import { AppError } from '../api/errors';
import { contract, METHOD_NAMES, type Handlers, type MethodName } from '../api/contract';
import { formatMomentNumeric } from '../domain/dates/format';

/**
 * A read-only copy of the office database (`db copy --to-data-dir`, the office-mode backup), on a
 * laptop that works without the network: it is read as it was copied, and nothing is changed in
 * it — a change made there would never reach the office. Every door shows that it is such a copy
 * (`app.info`'s database, the start page).
 */

/** The copy's mark (db/copy/snapshot.ts), or null for a database people work in. */
export function readOnlyCopyMark(db: Db): SnapshotMark | null {
  return readSnapshotMark(db.$client);
}

/**
 * Methods that change nothing of the data though they are commands: a backup of the copy, and the
 * uploads a window sends in pieces (kept apart from the data until a method uses them).
 */
const CHANGE_NOTHING: ReadonlySet<MethodName> = new Set<MethodName>(['app.backup', 'uploads.append', 'uploads.discard']);

/** The German sentence a refused change answers with. */
export function readOnlyMessage(mark: SnapshotMark): string {
  return (
    `Diese Daten sind eine schreibgeschützte Kopie der ${mark.of} (Stand ${formatMomentNumeric(mark.copiedAt)}). ` +
    'Änderungen sind hier nicht möglich, denn sie kämen nie im Amt an; bitte an der gemeinsamen Datenbank im Amt arbeiten.'
  );
}

/** The handlers of a read-only copy: every method that changes data refuses, in German, before it runs. */
export function refuseChanges(handlers: Handlers, mark: SnapshotMark): Handlers {
  const guarded = { ...handlers } as Record<MethodName, (input: unknown) => unknown>;
  const message = readOnlyMessage(mark);
  for (const name of METHOD_NAMES) {
    if (!contract[name].mutates || CHANGE_NOTHING.has(name)) continue;
    guarded[name] = () => {
      throw new AppError('CONFLICT', message, { readOnlyCopy: mark });
    };
  }
  return guarded as Handlers;
}
