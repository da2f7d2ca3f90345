/**
 * Reading a register extract against the stored copy: the preview (counts, every rejected row)
 * and the import itself, all or nothing. Runs as a background task on its own connection (see
 * background/worker-host.ts): the transaction spans the whole file, and a cancel or a failure
 * rolls it back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../../db/open';
import { AppError } from '../../api/errors';
import type { ResidentImportPreview } from '../../api/schemas/residents';
import { isoDateInBerlin } from '../../domain/dates/format';
import type { ColumnMapping } from '../../domain/residents/register-fields';
import { recordAudit } from '../audit';
import type { PostgresTaskContext, TaskContext, TaskControl } from '../background/task';
import { scanRegisterExtract, type ExtractScan, type ResidentRow } from './register-extract';
import { registerImportRepository } from './import-repository';

/** Rejected rows listed in the preview; the count covers all. */
export const SHOWN_REJECTIONS = 500;

export interface ResidentsImportInput {
  /** The uploaded file in the data folder's staging area. */
  file: string;
  fileName: string;
  /** Which column holds which field; without it the standard column set. */
  mapping?: ColumnMapping;
  /** false: only compare and count (the preview); true: take the extract over. */
  commit: boolean;
}

export interface ResidentsImportOutput {
  summary: ResidentImportPreview;
  importId: number | null;
  /** People the register now blocks, or who are gone: their unsent letters need a warning. */
  blockedIds: string[];
  /** Planned visits taken off because the person is now blocked or gone. */
  droppedVisits: Array<{ jubileeKey: string; visitDate: string; visitor: string }>;
}

/**
 * The fields that count for "changed": everything imported. The text is what
 * JSON.stringify gives for the row without its line (so hashes stored by earlier versions
 * still match), written out because that is twice as fast over half a million rows.
 */
const j = JSON.stringify;
const hashOf = (r: ResidentRow): string =>
  crypto.hash(
    'sha1',
    `{"registerId":${j(r.registerId)},"surname":${j(r.surname)},"givenNames":${j(r.givenNames)},"degree":${j(r.degree)},"gender":${j(r.gender)},` +
      `"birthDate":${j(r.birthDate)},"street":${j(r.street)},"houseNumber":${j(r.houseNumber)},"postcode":${j(r.postcode)},"city":${j(r.city)},` +
      `"district":${j(r.district)},"marriageDate":${j(r.marriageDate)},"spouseRegisterId":${j(r.spouseRegisterId)},"deathDate":${j(r.deathDate)},` +
      `"movedAway":${r.movedAway},"objection":${r.objection},"informationBlock":${r.informationBlock},"conditionalBlock":${r.conditionalBlock}}`,
    'base64',
  );

/** Whether the register now forbids writing to the person (§§ 50–52 BMG, death, moved away). */
const isBlocked = (row: ResidentRow) => row.objection || row.informationBlock || row.conditionalBlock || row.deathDate !== null || row.movedAway;

/** Rows between two looks at the cancel flag (also checked after every piece of the file). */
const CANCEL_CHECK_ROWS = 2000;

/** `begin` … COMMIT, or a savepoint where a transaction is already open; ends once. */
function transactionOn(client: Db['$client'], begin: 'BEGIN IMMEDIATE' | 'BEGIN'): { commit(): void; rollback(): void } {
  const nested = client.inTransaction;
  client.exec(nested ? 'SAVEPOINT residents_import' : begin);
  let open = true;
  const end = (sql: string) => {
    // An error may have ended the transaction already (SQLite rolls back by itself on some).
    if (open && client.inTransaction) client.exec(sql);
    open = false;
  };
  return {
    commit: () => end(nested ? 'RELEASE residents_import' : 'COMMIT'),
    rollback: () => end(nested ? 'ROLLBACK TO residents_import; RELEASE residents_import' : 'ROLLBACK'),
  };
}

/** What the preview and the import report: the counts, and the first rejected rows. */
function summaryOf(extract: ExtractScan, counts: { added: number; changed: number; unchanged: number; gone: number }): ResidentImportPreview {
  return {
    format: extract.format,
    encoding: extract.encoding,
    rows: extract.rowCount,
    ...counts,
    rejected: extract.rejected.slice(0, SHOWN_REJECTIONS).map(({ line, message }) => ({ line, message })),
    rejectedTotal: extract.rejected.length,
  };
}

function nothingToImport(fileName: string, summary: ResidentImportPreview): AppError {
  return new AppError('IMPORT_INVALID', `Die Datei „${fileName}“ enthält keine gültige Zeile; es wurde nichts importiert.`, { rejected: summary.rejected });
}

function auditSummary(fileName: string, summary: ResidentImportPreview): string {
  return `${fileName}: ${summary.added} neu, ${summary.changed} geändert, ${summary.gone} nicht mehr enthalten, ${summary.rejectedTotal} abgelehnt`;
}

export async function runResidentsImport(context: TaskContext, input: ResidentsImportInput, control: TaskControl): Promise<ResidentsImportOutput> {
  const { db } = context;
  const repo = registerImportRepository(db);
  const bytes = new Uint8Array(fs.readFileSync(input.file));
  const at = context.now().toISOString();
  const deps = { db, now: context.now, user: context.user };

  // One transaction on this task's own connection: rows are written while they are read. A
  // preview writes only its temporary table and ends with a rollback. Called inside a
  // transaction (the demo office loads its extract with everything else), a savepoint of it.
  const tx = transactionOn(db.$client, input.commit ? 'BEGIN IMMEDIATE' : 'BEGIN');
  try {
    const importId = input.commit
      ? repo.recordImport({ at, user: context.user, fileName: input.fileName, added: 0, changed: 0, unchanged: 0, gone: 0, rejected: 0 })
      : null;
    const write = importId === null ? null : repo.writer(importId, at);
    // Whoever the extract names is recorded; the stored people it does not name are gone.
    const comparison = repo.extractComparison();
    const newlyBlocked: string[] = [];
    let added = 0;
    let changed = 0;
    let unchanged = 0;
    let sinceCheck = 0;
    const extract = await scanRegisterExtract(
      bytes,
      isoDateInBerlin(context.now()),
      (row) => {
        if (++sinceCheck === CANCEL_CHECK_ROWS) {
          sinceCheck = 0;
          control.checkCancelled();
        }
        const hash = hashOf(row);
        const before = comparison.stored(row.registerId);
        if (!before) added++;
        else if (before.hash === hash && !before.gone) {
          unchanged++;
          return;
        } else changed++;
        if (before && isBlocked(row)) newlyBlocked.push(row.registerId);
        write?.(row, hash, !before);
      },
      {
        mapping: input.mapping,
        see: comparison.see,
        onProgress: (read, total) => {
          control.progress(read, total);
          control.checkCancelled();
        },
      },
    );
    // Rejected rows with a register id were recorded too: their people stay as they were.
    const goneIds = comparison.unseenIds();
    comparison.clear();
    const summary = summaryOf(extract, { added, changed, unchanged, gone: goneIds.length });
    if (importId === null) {
      tx.rollback();
      return { summary, importId, blockedIds: [...newlyBlocked, ...goneIds], droppedVisits: [] };
    }

    if (extract.rowCount === 0) throw nothingToImport(input.fileName, summary);
    control.checkCancelled();
    repo.markGone(goneIds, importId, at);
    // Planned lists: a person the register now blocks is taken off them.
    const blockedIds = [...newlyBlocked, ...goneIds];
    const dropped = repo.dropVisitsOf(blockedIds);
    repo.updateImportCounts(importId, { added, changed, unchanged, gone: goneIds.length, rejected: extract.rejected.length });
    recordAudit(deps, {
      action: 'import',
      entity: 'residents',
      entityId: importId,
      summary: auditSummary(input.fileName, summary),
    });
    control.checkCancelled();
    tx.commit();
    return {
      summary,
      importId,
      blockedIds,
      droppedVisits: dropped.map(({ jubileeKey, visitDate, visitor }) => ({ jubileeKey, visitDate, visitor })),
    };
  } catch (error) {
    tx.rollback();
    throw error;
  }
}

/** The register ids named only in rejected rows (an accepted row's line is kept negative in `seen`). */
function* rejectedOnly(seen: Map<string, number>): Iterable<string> {
  for (const [id, line] of seen) if (line > 0) yield id;
}

/**
 * The same in office mode, on the import's own PostgreSQL connection: the accepted rows are
 * written while they are read, as COPY lines into a file of this PC's temp folder (readable by
 * this user only, removed at the end), then COPYed into a temporary table and compared with the
 * stored copy in SQL. One transaction; a preview ends with a rollback. An import that writes
 * holds the office's import lock: a second PC starting one meanwhile gets a German message.
 */
export async function runResidentsImportOnPostgres(
  context: PostgresTaskContext,
  input: ResidentsImportInput,
  control: TaskControl,
): Promise<ResidentsImportOutput> {
  // node-postgres loads only here, in office mode's worker (the single-PC start path never needs it).
  const { connectForImport, importLine, registerImportPostgresRepository } = await import('./import-postgres-repository');
  const bytes = new Uint8Array(fs.readFileSync(input.file));
  const at = context.now().toISOString();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-import-'));
  const rowsFile = path.join(dir, 'zeilen.copy');
  const client = await connectForImport(context.url);
  const repo = registerImportPostgresRepository(client);
  try {
    await repo.begin();
    try {
      if (input.commit && !(await repo.lockForImport())) {
        throw new AppError(
          'CONFLICT',
          'An einem anderen Arbeitsplatz wird gerade ein Melderegister-Auszug übernommen. Bitte warten Sie, bis er fertig ist, und lesen Sie den Auszug danach erneut ein.',
        );
      }
      await repo.createStaging();
      const out = fs.openSync(rowsFile, 'w', 0o600);
      const seen = new Map<string, number>();
      let pending = '';
      let sinceCheck = 0;
      let extract: ExtractScan;
      try {
        extract = await scanRegisterExtract(
          bytes,
          isoDateInBerlin(context.now()),
          (row) => {
            if (++sinceCheck === CANCEL_CHECK_ROWS) {
              sinceCheck = 0;
              control.checkCancelled();
              fs.writeSync(out, pending);
              pending = '';
            }
            pending += importLine(row, hashOf(row));
            // Accepted: its id goes to the database with its row (only rejected rows' ids are copied on their own).
            seen.set(row.registerId, -seen.get(row.registerId)!);
          },
          {
            mapping: input.mapping,
            see: (registerId, line) => {
              const previous = seen.get(registerId);
              if (previous === undefined) seen.set(registerId, line);
              return previous === undefined ? undefined : Math.abs(previous);
            },
            onProgress: (read, total) => {
              control.progress(read, total);
              control.checkCancelled();
            },
          },
        );
        fs.writeSync(out, pending);
      } finally {
        fs.closeSync(out);
      }
      control.checkCancelled();
      await repo.copyRows(rowsFile);
      await repo.copySeen(rejectedOnly(seen));
      seen.clear();
      const { goneIds, newlyBlocked, ...counts } = await repo.compare();
      const summary = summaryOf(extract, { ...counts, gone: goneIds.length });
      const blockedIds = [...newlyBlocked, ...goneIds];
      if (!input.commit) {
        await repo.rollback();
        return { summary, importId: null, blockedIds, droppedVisits: [] };
      }
      if (extract.rowCount === 0) throw nothingToImport(input.fileName, summary);
      control.checkCancelled();
      const importId = await repo.recordImport({ at, user: context.user, fileName: input.fileName });
      await repo.writeRows(importId, at);
      await repo.markGone(goneIds, importId, at);
      const droppedVisits = await repo.dropVisitsOf(blockedIds);
      await repo.updateImportCounts(importId, { ...counts, gone: goneIds.length, rejected: extract.rejected.length });
      await repo.audit({ at, user: context.user, entityId: importId, summary: auditSummary(input.fileName, summary) });
      await repo.analyze();
      control.checkCancelled();
      await repo.commit();
      return { summary, importId, blockedIds, droppedVisits };
    } catch (error) {
      await repo.rollback();
      throw error;
    }
  } finally {
    await client.end().catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
