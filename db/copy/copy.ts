import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { FILE_FOLDERS, folderFileStore } from '../../core/services/file-store';
import { describePostgresUrl, migratePostgres, openPostgresEngine } from '../engine/postgres';
import { openDatabase } from '../open';
import { copyPlan } from './plan';
import { postgresSource, postgresTarget } from './postgres';
import type { CopySource, CopyTarget } from './sides';
import { SNAPSHOT_SETTING, type SnapshotMark } from './snapshot';
import { sqliteSource, sqliteTarget } from './sqlite';

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface CopyProgress {
  table: string;
  rows: number;
  /** 1-based position of the table, of `total`. */
  index: number;
  total: number;
}

export interface CopyReport {
  /** Every table, in the order copied, with the rows counted in the source and, after the copy, in the target. */
  tables: TableCount[];
  /**
   * The users' files (letters, attachments, template copies) moved with the tables: from the data
   * folder into the office database's stored_files, or from there into the new data folder.
   */
  files?: number;
}

/**
 * Inside the office database's copy transaction: the data folder's files (file-store.ts
 * FILE_FOLDERS) as rows of stored_files, where office mode reads them. Returns how many.
 */
async function storeFolderFiles(dataDir: string, client: pg.ClientBase): Promise<number> {
  const folder = folderFileStore(dataDir);
  let count = 0;
  for (const name of FILE_FOLDERS) {
    for (const key of await folder.list(name)) {
      const bytes = (await folder.get(key))!;
      const storedAt = fs.statSync(path.join(dataDir, ...key.split('/'))).mtime.toISOString();
      await client.query(
        'INSERT INTO stored_files (key, content, size, stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO UPDATE SET content = excluded.content, size = excluded.size, stored_at = excluded.stored_at',
        [key, Buffer.from(bytes), bytes.byteLength, storedAt],
      );
      count++;
    }
  }
  return count;
}

/** Why a copy was refused or failed; `message` is German. The target is as it was before. */
export class DatabaseCopyError extends Error {
  constructor(
    readonly code: 'SOURCE_MISSING' | 'TARGET_EXISTS' | 'TARGET_NOT_EMPTY' | 'COPY_FAILED' | 'COUNT_MISMATCH',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DatabaseCopyError';
  }
}

interface CopyOptions {
  /** The target for people: „rb“ auf „host“ / the folder. */
  targetLabel: string;
  /** What stays of the target when the copy fails (German, ends a sentence). */
  unchanged: string;
  onTable?: (progress: CopyProgress) => void | Promise<void>;
  /** Last step inside the target's transaction, after the counts agreed. */
  beforeCommit?: () => Promise<void>;
}

/**
 * Copies every table from `source` into `target`, all or nothing: one consistent read of the
 * source, one transaction on the target. Refuses a target with rows in any table but the seeded
 * ones; compares the rows counted in the source with those in the target before committing.
 */
export async function copyTables(source: CopySource, target: CopyTarget, options: CopyOptions): Promise<CopyReport> {
  const plan = copyPlan();
  return source.snapshot(async () => {
    const expected = new Map<string, number>();
    for (const table of plan) expected.set(table.name, await source.count(table));
    return target.transaction(plan, async () => {
      const occupied: Array<{ table: string; rows: number }> = [];
      for (const table of plan) {
        const rows = table.seeded ? 0 : await target.count(table);
        if (rows > 0) occupied.push({ table: table.name, rows });
      }
      if (occupied.length > 0) {
        throw new DatabaseCopyError(
          'TARGET_NOT_EMPTY',
          `${options.targetLabel} ist nicht leer: ${occupied.map((o) => `${o.table} (${o.rows.toLocaleString('de-DE')} ${o.rows === 1 ? 'Zeile' : 'Zeilen'})`).join(', ')}. ` +
            `„db copy“ überträgt einen Datenbestand nur in eine leere Datenbank; es wurde nichts geändert.`,
          { occupied },
        );
      }
      for (const table of [...plan].reverse()) if (table.seeded) await target.clear(table);
      let index = 0;
      for (const table of plan) {
        let rows: number;
        try {
          rows = await target.write(table, source.rows(table));
        } catch (error) {
          throw failed(`bei der Tabelle „${table.name}“`, error, options);
        }
        await options.onTable?.({ table: table.name, rows, index: ++index, total: plan.length });
      }
      try {
        await target.finish(plan);
      } catch (error) {
        throw failed('beim Abschluss (Verweise zwischen den Zeilen, Nummernkreise)', error, options);
      }
      const tables: TableCount[] = [];
      for (const table of plan) tables.push({ table: table.name, source: expected.get(table.name)!, target: await target.count(table) });
      const differing = tables.filter((t) => t.source !== t.target);
      if (differing.length > 0) {
        throw new DatabaseCopyError(
          'COUNT_MISMATCH',
          `Nach dem Kopieren stimmen die Zeilenzahlen nicht: ${differing.map((t) => `${t.table} (Quelle ${t.source}, Ziel ${t.target})`).join(', ')}. ` +
            `Es wurde nichts übernommen; ${options.unchanged}`,
          { differing },
        );
      }
      await options.beforeCommit?.();
      return { tables };
    });
  });
}

function failed(where: string, error: unknown, options: CopyOptions): Error {
  if (error instanceof DatabaseCopyError) return error;
  const cause = (error as Error).message ?? String(error);
  const position = (error as { where?: string }).where;
  return new DatabaseCopyError(
    'COPY_FAILED',
    `Das Kopieren ist ${where} fehlgeschlagen (Meldung der Datenbank: ${cause}${position ? `; ${position}` : ''}). Es wurde nichts übernommen; ${options.unchanged}`,
    { cause, ...(position ? { where: position } : {}) },
  );
}

export interface Migrations {
  sqlite: string;
  postgres: string;
}

const officeLabel = (url: string): string => {
  const where = describePostgresUrl(url);
  return `Die Bürodatenbank „${where.database}“ auf „${where.host}“`;
};

/** A client of its own for the copy (German words when the server cannot be reached). */
async function connect(url: string, name: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: name });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseCopyError('COPY_FAILED', `${officeLabel(url)} ist nicht erreichbar (${(error as Error).message}). Es wurde nichts geändert.`, {
      cause: (error as Error).message,
    });
  }
  return client;
}

/**
 * `db copy --data-dir DIR --database URL`: a single PC's SQLite file into an empty office
 * database (brought to this version first, as `db migrate` does). All or nothing.
 */
export async function copySqliteToPostgres(options: {
  sqliteFile: string;
  url: string;
  migrations: Migrations;
  /** Once the office database is at this version, before the first row is copied. */
  onMigrated?: (state: { before: number; after: number }) => void;
  onTable?: CopyOptions['onTable'];
}): Promise<CopyReport & { migrated: { before: number; after: number } }> {
  if (!fs.existsSync(options.sqliteFile)) {
    throw new DatabaseCopyError(
      'SOURCE_MISSING',
      `Im Ordner „${path.dirname(options.sqliteFile)}“ gibt es keine Rathausbüro-Datenbank („${path.basename(options.sqliteFile)}“). Bitte den Datenordner angeben, in dem sie liegt.`,
      { file: options.sqliteFile },
    );
  }
  const { before, after } = await migratePostgres(options.url, { migrationsFolder: options.migrations.postgres });
  options.onMigrated?.({ before, after });
  const sqlite = openDatabase(options.sqliteFile, { migrationsFolder: options.migrations.sqlite });
  try {
    const client = await connect(options.url, 'Rathausbuero db copy');
    try {
      let files = 0;
      const report = await copyTables(sqliteSource(sqlite.$client), postgresTarget(client), {
        targetLabel: officeLabel(options.url),
        unchanged: 'die Bürodatenbank ist unverändert.',
        onTable: options.onTable,
        // The data folder's files go in with the rows, in the same transaction; then the planner's
        // statistics of the tables just filled (ANALYZE counts this transaction's rows), so the first
        // lists after the copy are planned on the real data, not on guesses for empty tables.
        beforeCommit: async () => {
          files = await storeFolderFiles(path.dirname(options.sqliteFile), client);
          await client.query('ANALYZE');
        },
      });
      // After the commit (VACUUM cannot run in a transaction): the copied pages marked all-visible,
      // so index-only scans (the request statistics) read no table rows and the first reader
      // does not set every row's hint bits. Only speed depends on it: should it fail, autovacuum
      // does the same a little later, and the copy stands.
      await client.query('VACUUM').catch(() => {});
      return { ...report, files, migrated: { before, after } };
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    sqlite.$client.close();
  }
}

/**
 * `db copy --database URL --to-data-dir DIR` (and the office-mode backup): the office database
 * as a new SQLite file, marked as a read-only copy (snapshot.ts). DIR may exist but must not
 * hold a database; on failure nothing stays behind (the file, and DIR when this made it).
 */
export async function copyPostgresToSqlite(options: {
  url: string;
  sqliteFile: string;
  migrations: Migrations;
  now: () => Date;
  onTable?: CopyOptions['onTable'];
}): Promise<CopyReport> {
  const dir = path.dirname(options.sqliteFile);
  if (fs.existsSync(options.sqliteFile)) {
    throw new DatabaseCopyError(
      'TARGET_EXISTS',
      `Im Ordner „${dir}“ liegt schon eine Rathausbüro-Datenbank. Die Kopie braucht einen neuen oder leeren Ordner; es wurde nichts geändert.`,
      { file: options.sqliteFile },
    );
  }
  // Refuses an office database of another version (DB_NEEDS_MIGRATION, DB_TOO_NEW) in German.
  await (await openPostgresEngine(options.url, { migrationsFolder: options.migrations.postgres })).close();
  const createdDir = !fs.existsSync(dir);
  fs.mkdirSync(dir, { recursive: true });
  const part = `${options.sqliteFile}.${process.pid}.part`;
  const removePart = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${part}${suffix}`, { force: true });
  };
  let sqlite: ReturnType<typeof openDatabase> | null = null;
  const folder = folderFileStore(dir);
  const written: string[] = [];
  try {
    sqlite = openDatabase(part, { migrationsFolder: options.migrations.sqlite });
    const client = await connect(options.url, 'Rathausbuero db copy');
    const where = describePostgresUrl(options.url);
    const mark: SnapshotMark = { of: `PostgreSQL-Datenbank „${where.database}“ auf „${where.host}“`, copiedAt: options.now().toISOString() };
    const target = sqlite.$client;
    let report: CopyReport;
    try {
      report = await copyTables(postgresSource(client), sqliteTarget(target), {
        targetLabel: `Der Ordner „${dir}“`,
        unchanged: createdDir ? 'der neue Ordner wurde wieder entfernt.' : 'der Ordner ist unverändert.',
        onTable: options.onTable,
        beforeCommit: async () => {
          target
            .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)')
            .run(SNAPSHOT_SETTING, JSON.stringify(mark), mark.copiedAt);
          // The office's stored files become the data folder's files, where a single PC reads them.
          const stored = target.prepare('SELECT key, content, stored_at FROM stored_files ORDER BY key').all() as Array<{ key: string; content: Buffer; stored_at: string }>;
          for (const file of stored) {
            await folder.put(file.key, new Uint8Array(file.content));
            written.push(file.key);
            // When it was stored, kept as the file's time (and back into stored_at by the next copy).
            const at = new Date(file.stored_at);
            if (!Number.isNaN(at.getTime())) fs.utimesSync(path.join(dir, ...file.key.split('/')), at, at);
          }
          target.prepare('DELETE FROM stored_files').run();
        },
      });
      report = { ...report, files: written.length };
    } finally {
      await client.end().catch(() => {});
    }
    // One self-contained file (no write-ahead log beside it), then under its real name.
    target.pragma('journal_mode = DELETE');
    target.close();
    sqlite = null;
    fs.renameSync(part, options.sqliteFile);
    return report;
  } catch (error) {
    sqlite?.$client.close();
    removePart();
    await folder.remove(written);
    if (createdDir) fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
