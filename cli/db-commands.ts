import fs from 'node:fs';
import path from 'node:path';
import { dataFileIn } from '../core/app/data-dir';
import { describeTarget, resolveProcessTarget, type DatabaseTarget } from '../core/app/database-target';
import { BACKUP_FOLDER, backupName } from '../core/services/app/app-service';
import { copyPostgresToSqlite, copySqliteToPostgres, type CopyProgress, type CopyReport } from '../db/copy';
import { describePostgresUrl, migratePostgres } from '../db/engine';
import { MIGRATIONS_FOLDER, PG_MIGRATIONS_FOLDER } from './paths';
import { UsageError } from './usage-error';

/**
 * The office-mode commands for the city's IT: `db migrate` (the schema of the office database
 * is IT's step, never a PC's at start), `db copy` (a single PC's data folder into an empty
 * office database, or the office database into a new data folder), and the office-mode
 * `backup` (the same copy into a new folder: no PostgreSQL tools needed on the PC).
 */
export interface DbOptions {
  database?: string;
  dataDir?: string;
  toDataDir?: string;
  from?: string;
  to?: string;
}

type Office = Extract<DatabaseTarget, { kind: 'postgres' }>;
/** Writes one line of the command's output. */
type Out = (line: string) => void;

const MIGRATIONS = { sqlite: MIGRATIONS_FOLDER, postgres: PG_MIGRATIONS_FOLDER };

export async function dbCommand(args: string[], options: DbOptions, out: Out): Promise<number> {
  const [command, ...extra] = args;
  if (command === 'migrate' && extra.length === 0) return migrate(officeTarget(options.database, 'migrate'), out);
  if (command === 'copy' && extra.length === 0) return copy(options, out);
  throw new UsageError(`Unbekannter Befehl „${['db', ...args].join(' ')}“. Möglich sind „db migrate“ und „db copy“; „rathausbuero help“ zeigt alle Befehle.`);
}

/**
 * The office database named by `--database`, checked. The `db` commands never take it from
 * RATHAUSBUERO_DATABASE or the configuration file: changing or filling a database is done
 * only to the one IT names on the command line.
 */
function officeTarget(database: string | undefined, command: string): Office {
  if (database === undefined) {
    throw new UsageError(
      `„rathausbuero db ${command}“ arbeitet nur mit einer ausdrücklich genannten Bürodatenbank: bitte --database postgres://… angeben ` +
        '(z. B. --database postgres://it-admin@dbserver:5432/rathausbuero). RATHAUSBUERO_DATABASE und die Konfigurationsdatei gelten hier nicht, ' +
        'damit nichts versehentlich an einer anderen Datenbank geschieht.',
    );
  }
  return resolveProcessTarget({ database }) as Office;
}

async function migrate(office: Office, out: Out): Promise<number> {
  const { database, host } = describePostgresUrl(office.url);
  const state = await migratePostgres(office.url, { migrationsFolder: PG_MIGRATIONS_FOLDER });
  out(schemaSentence(`Die Bürodatenbank „${database}“ auf „${host}“`, state, '; es war nichts zu tun'));
  return 0;
}

/** What `db migrate` did, from which schema version to which. */
function schemaSentence(subject: string, state: { before: number; after: number }, nothingToDo = ''): string {
  return state.before < state.after
    ? `${subject} ist jetzt auf dem Stand dieser Version von Rathausbüro: Schemastand ${state.before} → ${state.after}.`
    : `${subject} ist schon auf dem Stand dieser Version (Schemastand ${state.after})${nothingToDo}.`;
}

const isOfficeAddress = (value: string): boolean => /^postgres(ql)?:\/\//i.test(value);

/** `db copy`: the direction from `--data-dir`/`--to-data-dir` beside `--database`, or from `--from`/`--to`. */
async function copy(options: DbOptions, out: Out): Promise<number> {
  if (options.from !== undefined || options.to !== undefined) {
    if (options.database !== undefined || options.dataDir !== undefined || options.toDataDir !== undefined) {
      throw new UsageError('Bitte entweder --from/--to oder --database mit --data-dir bzw. --to-data-dir angeben, nicht beides.');
    }
    if (options.from === undefined || options.to === undefined) {
      throw new UsageError('Bitte Quelle und Ziel angeben: --from … --to … (ein Datenordner und eine Bürodatenbank postgres://…).');
    }
    const [fromOffice, toOffice] = [isOfficeAddress(options.from), isOfficeAddress(options.to)];
    if (fromOffice === toOffice) {
      throw new UsageError(
        '„db copy“ kopiert zwischen einem Datenordner und einer Bürodatenbank (postgres://…); für die Sicherung eines Datenordners gibt es „rathausbuero backup“.',
      );
    }
    return fromOffice
      ? intoNewFolder(officeTarget(options.from, 'copy'), options.to, out)
      : intoOffice(options.from, officeTarget(options.to, 'copy'), out);
  }
  const office = officeTarget(options.database, 'copy');
  if (options.dataDir !== undefined && options.toDataDir !== undefined) {
    throw new UsageError('Bitte nur eine Richtung angeben: --data-dir ORDNER oder --to-data-dir ORDNER.');
  }
  if (options.dataDir !== undefined) return intoOffice(options.dataDir, office, out);
  if (options.toDataDir !== undefined) return intoNewFolder(office, options.toDataDir, out);
  throw new UsageError(
    '„rathausbuero db copy“ braucht die Richtung: --data-dir ORDNER (ein Arbeitsplatz in die Bürodatenbank) oder --to-data-dir ORDNER ' +
      '(die Bürodatenbank in einen neuen Datenordner).',
  );
}

/** A single PC's data folder into the empty office database (brought to this version first). */
async function intoOffice(dataDir: string, office: Office, out: Out): Promise<number> {
  const folder = path.resolve(dataDir);
  out(`Von: SQLite-Datei „${dataFileIn(folder)}“`);
  out(`Nach: ${describeTarget(office).label}`);
  const report = await copySqliteToPostgres({
    sqliteFile: dataFileIn(folder),
    url: office.url,
    migrations: MIGRATIONS,
    onMigrated: (state) => out(schemaSentence('Die Bürodatenbank', state)),
    onTable: progress(out),
  });
  out(countsChecked(report));
  out(filesMoved(report.files ?? 0, 'in die Bürodatenbank'));
  out('Fertig: Der Datenbestand steht jetzt in der Bürodatenbank.');
  return 0;
}

/** The office database as a new SQLite data folder (a consistent snapshot). */
async function intoNewFolder(office: Office, dataDir: string, out: Out): Promise<number> {
  const folder = path.resolve(dataDir);
  out(`Von: ${describeTarget(office).label}`);
  out(`Nach: Ordner „${folder}“`);
  const report = await copyPostgresToSqlite({ url: office.url, sqliteFile: dataFileIn(folder), migrations: MIGRATIONS, now: () => new Date(), onTable: progress(out) });
  out(countsChecked(report));
  out(filesMoved(report.files ?? 0, 'in den Datenordner'));
  out(`Fertig: Die Kopie liegt im Ordner „${folder}“.`);
  return 0;
}

/**
 * `backup` in office mode: a consistent snapshot of the office database as a new SQLite data
 * folder (`--to ORDNER`, else `Sicherungen/rathausbuero-<Zeit>` in this PC's own folder). Progress
 * goes to a terminal only; the result is one line.
 */
export async function officeBackup(office: Office, to: string | undefined, out: Out, progressOut: Out | null): Promise<number> {
  const now = new Date();
  const folder = to !== undefined ? path.resolve(to) : path.join(office.localDir, BACKUP_FOLDER, backupName(now));
  const file = dataFileIn(folder);
  const report = await copyPostgresToSqlite({
    url: office.url,
    sqliteFile: file,
    migrations: MIGRATIONS,
    now: () => now,
    onTable: progressOut ? progress(progressOut) : undefined,
  });
  out(
    `Sicherung der ${describeTarget(office).label} geschrieben: Ordner „${folder}“ ` +
      `(${report.tables.length} Tabellen, ${rowCount(totalRows(report) - (report.files ?? 0))}, ${fileCount(report.files ?? 0)}, ${fs.statSync(file).size.toLocaleString('de-DE')} Bytes).`,
  );
  return 0;
}

const rowCount = (n: number): string => `${n.toLocaleString('de-DE')} ${n === 1 ? 'Zeile' : 'Zeilen'}`;
const fileCount = (n: number): string => `${n.toLocaleString('de-DE')} ${n === 1 ? 'Datei' : 'Dateien'}`;
const totalRows = (report: CopyReport): number => report.tables.reduce((sum, t) => sum + t.target, 0);

/** One line per table once it is copied. */
const progress =
  (out: Out) =>
  ({ table, rows, index, total }: CopyProgress): void =>
    out(`Tabelle ${index} von ${total}: ${table} – ${rowCount(rows)}`);

/** The copy compared the counts before committing (it fails otherwise): say so. */
function countsChecked(report: CopyReport): string {
  return `Zeilenzahlen geprüft: Quelle und Ziel stimmen in allen ${report.tables.length} Tabellen überein (zusammen ${rowCount(totalRows(report))}).`;
}

/** The users' files (letters, attachments, template copies) that moved with the tables. */
function filesMoved(n: number, where: string): string {
  return `Dateien (Briefe, Anhänge, eigene Vorlagen): ${fileCount(n)} ${where} übertragen.`;
}
