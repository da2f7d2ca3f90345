import crypto from 'node:crypto';
import type { Handlers } from '../../api/contract';
import { AppError } from '../../api/errors';
import type { ResidentImportPreview } from '../../api/schemas/residents';
import { isoDateInBerlin } from '../../domain/dates/format';
import type { ServiceDeps } from '../deps';
import { recordAudit } from '../audit';
import { scanRegisterExtract, type RejectedRow, type ResidentRow } from './register-extract';
import { residentsRepository } from './repository';

type ResidentHandlers = Pick<Handlers, 'residents.status' | 'residents.import.preview' | 'residents.import.commit'>;

const SHOWN_REJECTIONS = 500;

/** The fields that count for "changed": everything imported. */
function hashOf(row: ResidentRow): string {
  const { line: _line, ...fields } = row;
  return crypto.createHash('sha1').update(JSON.stringify(fields)).digest('base64');
}

export interface UnsentLetter {
  id: number;
  recipientName: string;
  status: string;
  letterDate: string;
}

/** Whether the register now forbids writing to the person (§§ 50–52 BMG, death, moved away). */
const isBlocked = (row: ResidentRow) => row.objection || row.informationBlock || row.conditionalBlock || row.deathDate !== null || row.movedAway;

interface Plan {
  extract: { encoding: 'utf-8' | 'windows-1252'; rejected: RejectedRow[]; rowCount: number };
  /** People this extract blocks who were not blocked before. */
  newlyBlocked: string[];
  added: number;
  changed: number;
  unchanged: number;
  goneIds: string[];
}

/**
 * Import of the register's monthly extract: preview (counts, every rejected row), then all or
 * nothing. Updates by register id; people no longer in the extract are marked gone (never
 * deleted silently); rows that were rejected leave their person as it was.
 */
export function createResidentsService(deps: ServiceDeps, unsentLettersFor: (registerIds: readonly string[]) => UnsentLetter[]) {
  const repo = residentsRepository(deps.db);

  /** Reads the extract and compares it with what is stored; `write` gets each new or changed row. */
  const plan = (contentBase64: string, write?: (row: ResidentRow, hash: string, isNew: boolean) => void): Plan => {
    const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
    // Everyone stored; whoever the extract mentions is taken out, the rest are gone.
    const stored = repo.fingerprints();
    const newlyBlocked: string[] = [];
    let added = 0;
    let changed = 0;
    let unchanged = 0;
    // Row by row: nothing is kept but the counts (half a million rows).
    const extract = scanRegisterExtract(bytes, isoDateInBerlin(deps.now()), (row) => {
      const hash = hashOf(row);
      const before = stored.get(row.registerId);
      stored.delete(row.registerId);
      if (!before) added++;
      else if (before.hash === hash && !before.gone) {
        unchanged++;
        return;
      } else changed++;
      if (before && isBlocked(row)) newlyBlocked.push(row.registerId);
      write?.(row, hash, !before);
    });
    for (const rejected of extract.rejected) if (rejected.registerId) stored.delete(rejected.registerId);
    const goneIds: string[] = [];
    for (const [id, state] of stored) if (!state.gone) goneIds.push(id);
    return { extract, newlyBlocked, added, changed, unchanged, goneIds };
  };

  const summary = (p: Plan): ResidentImportPreview => ({
    encoding: p.extract.encoding,
    rows: p.extract.rowCount,
    added: p.added,
    changed: p.changed,
    unchanged: p.unchanged,
    gone: p.goneIds.length,
    rejected: p.extract.rejected.slice(0, SHOWN_REJECTIONS).map(({ line, message }) => ({ line, message })),
    rejectedTotal: p.extract.rejected.length,
  });

  const handlers: ResidentHandlers = {
    'residents.status': () => {
      const last = repo.lastImport();
      return {
        residents: repo.count(),
        lastImport: last ? { at: last.at, fileName: last.fileName, user: last.user } : null,
        districts: repo.districts(),
      };
    },
    'residents.import.preview': ({ contentBase64 }) => summary(plan(contentBase64)),
    'residents.import.commit': ({ contentBase64, fileName }) => {
      const at = deps.now().toISOString();
      // One transaction: rows are written while they are read; any failure leaves the database as it was.
      const { p, importId, dropped } = deps.db.transaction(() => {
        const id = repo.recordImport({ at, user: deps.user, fileName, added: 0, changed: 0, unchanged: 0, gone: 0, rejected: 0 });
        const writeRow = repo.writer(id, at);
        const p = plan(contentBase64, writeRow);
        if (p.extract.rowCount === 0) {
          throw new AppError('IMPORT_INVALID', `Die Datei „${fileName}“ enthält keine gültige Zeile; es wurde nichts importiert.`, {
            rejected: p.extract.rejected.slice(0, SHOWN_REJECTIONS),
          });
        }
        repo.markGone(p.goneIds, id, at);
        // Planned lists: a person the register now blocks is taken off them.
        const dropped = repo.dropVisitsOf([...p.newlyBlocked, ...p.goneIds]);
        repo.updateImportCounts(id, {
          added: p.added,
          changed: p.changed,
          unchanged: p.unchanged,
          gone: p.goneIds.length,
          rejected: p.extract.rejected.length,
        });
        recordAudit(deps, {
          action: 'import',
          entity: 'residents',
          entityId: id,
          summary: `${fileName}: ${p.added} neu, ${p.changed} geändert, ${p.goneIds.length} nicht mehr enthalten, ${p.extract.rejected.length} abgelehnt`,
        });
        return { p, importId: id, dropped };
      });
      const warnings = unsentLettersFor([...p.newlyBlocked, ...p.goneIds]).map(
        (letter) =>
          `Brief Nr. ${letter.id} an „${letter.recipientName}“ vom ${letter.letterDate.split('-').reverse().join('.')} ist noch nicht versandt, ` +
          'die Person ist laut Melderegister jetzt gesperrt, verstorben, weggezogen oder nicht mehr enthalten: bitte nicht versenden.',
      );
      for (const visit of dropped) {
        const [date] = visit.jubileeKey.split('|');
        warnings.push(
          `Der für den ${visit.visitDate.split('-').reverse().join('.')} geplante Besuch (${visit.visitor}) zum Jubiläum am ${date.split('-').reverse().join('.')} entfällt: die Person ist laut Melderegister jetzt gesperrt, verstorben, weggezogen oder nicht mehr enthalten.`,
        );
      }
      return { ...summary(p), importId, warnings };
    },
  };
  return { handlers, repo };
}
