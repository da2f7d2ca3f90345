/**
 * db copy in both directions against the run's throw-away PostgreSQL (tests/support/pg-cluster.ts),
 * with the demo office as the single PC's dataset.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../core/api';
import { createTempApp, tempDir } from '../../tests/support/temp-app';
import { postgresRows, sqliteRows, TABLES, tableName, withoutSnapshotMark, type Rows } from '../../tests/support/database-rows';
import { createTestDatabase, type TestDatabase } from '../../tests/support/pg-cluster';
import { PG_MIGRATIONS_FOLDER, SQLITE_MIGRATIONS } from '../../tests/support/test-engine';
import { migratePostgres, openPostgresEngine } from '../engine';
import * as sqliteSchema from '../schema';
import { copyPostgresToSqlite, copySqliteToPostgres, DatabaseCopyError } from './copy';
import { copyPlan, SEEDED_TABLES } from './plan';
import { parseSnapshotMark, SNAPSHOT_SETTING } from './snapshot';
import { databaseFileStore, folderFileStore } from '../../core/services/file-store';

const migrations = { sqlite: SQLITE_MIGRATIONS, postgres: PG_MIGRATIONS_FOLDER };
const NOW = () => new Date('2026-11-27T09:30:00Z');

async function rowCount(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`select count(*)::int as n from "${table}"`)).rows[0]!.n;
  } finally {
    await client.end();
  }
}

let source: ReturnType<typeof createTempApp>;
let sourceFile: string;
const databases: TestDatabase[] = [];
const folders: string[] = [];

async function emptyOfficeDatabase(): Promise<string> {
  const database = await createTestDatabase('copy');
  databases.push(database);
  return database.url;
}

beforeAll(async () => {
  source = createTempApp();
  sourceFile = path.join(source.dataDir, 'rathausbuero.sqlite');
  await call(source.handlers, 'demo.load', {});
  // A staff's template copy in the data folder: a user's file that moves with the data.
  await call(source.handlers, 'templates.copyForEditing', { id: 'geburtstag' });
  const db = source.db;
  // Values the copy must carry exactly: text with tabs, line breaks, backslashes, "\N", emoji;
  // JSON with the same; both booleans; contacts that point at each other and at later rows.
  db.insert(sqliteSchema.auditLog)
    .values({ at: '2026-11-27T09:00:00Z', user: 'test', action: 'note', entity: 'test', summary: 'Tab\there\nZeile 2\r\nC:\\Briefe\\N \\N 😀 „Zitat“ ß' })
    .run();
  db.insert(sqliteSchema.settings)
    .values({ key: 'copyProbe', value: { text: 'Tab\t\\N\n😀', list: [1, 2.5, null, true, 'ä'], nested: { leer: '' } }, updatedAt: '2026-11-27T09:00:00Z' })
    .run();
  const [first, second, last] = [
    ...db.select({ id: sqliteSchema.contacts.id }).from(sqliteSchema.contacts).orderBy(sqliteSchema.contacts.id).limit(2).all(),
    db.select({ id: sqliteSchema.contacts.id }).from(sqliteSchema.contacts).orderBy(sqliteSchema.contacts.id).all().at(-1)!,
  ];
  db.update(sqliteSchema.contacts).set({ partnerId: second!.id, organisationId: last!.id }).where(eq(sqliteSchema.contacts.id, first!.id)).run();
  db.update(sqliteSchema.contacts).set({ partnerId: first!.id }).where(eq(sqliteSchema.contacts.id, second!.id)).run();
  // The running app leaves recent changes in its write-ahead log: the copy reads them too.
}, 120_000);

afterAll(async () => {
  source.cleanup();
  for (const database of databases) await database.drop();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe('the copy plan', () => {
  it('holds every table of a SQLite data file (only the derived full-text indexes are rebuilt, not copied), parents before children', () => {
    const client = new Database(sourceFile, { readonly: true });
    const onDisk = (client.prepare(`select name, sql from sqlite_master where type = 'table'`).all() as Array<{ name: string; sql: string }>)
      .filter((t) => !t.name.startsWith('sqlite_') && t.name !== '__drizzle_migrations')
      .filter((t) => !/VIRTUAL TABLE/i.test(t.sql) && !/_search_(data|idx|docsize|config|content)$/.test(t.name))
      .map((t) => t.name);
    client.close();
    const plan = copyPlan();
    expect(plan.map((t) => t.name).sort()).toEqual(onDisk.sort());
    const position = new Map(plan.map((t, i) => [t.name, i]));
    expect(position.get('contacts')).toBeLessThan(position.get('letters')!);
    expect(position.get('letters')).toBeLessThan(position.get('letter_events')!);
    expect(plan.find((t) => t.name === 'contacts')!.deferred.sort()).toEqual(['organisation_id', 'partner_id']);
  });

  it('SEEDED_TABLES are exactly the tables a new database has rows in (SQLite after the first start, PostgreSQL after db migrate)', async () => {
    const fresh = createTempApp();
    const file = path.join(fresh.dataDir, 'rathausbuero.sqlite');
    const url = await emptyOfficeDatabase();
    try {
      const sqlite = sqliteRows(file);
      const withRows = (rows: Rows) => TABLES.filter(([name]) => rows[name]!.length > 0).map(([, table]) => tableName(table)).sort();
      await migratePostgres(url, { migrationsFolder: PG_MIGRATIONS_FOLDER });
      expect(withRows(sqlite)).toEqual([...SEEDED_TABLES].sort());
      expect(withRows(await postgresRows(url)).every((name) => SEEDED_TABLES.has(name))).toBe(true);
    } finally {
      fresh.cleanup();
    }
  });
});

describe('db copy: a single PC into an empty office database and back', { timeout: 180_000 }, () => {
  let office: string;
  let report: Awaited<ReturnType<typeof copySqliteToPostgres>>;

  beforeAll(async () => {
    office = await emptyOfficeDatabase();
    report = await copySqliteToPostgres({ sqliteFile: sourceFile, url: office, migrations });
  }, 180_000);

  it('brings the empty database to this version first and reports equal counts for every table', () => {
    expect(report.migrated.before).toBe(0);
    expect(report.migrated.after).toBeGreaterThan(0);
    expect(report.tables.map((t) => t.table)).toEqual(copyPlan().map((t) => t.name));
    for (const t of report.tables) expect(t.target, t.table).toBe(t.source);
    const count = (name: string) => report.tables.find((t) => t.table === name)!.source;
    expect(count('contacts')).toBeGreaterThan(100);
    expect(count('letters') + count('appointments') + count('citizen_requests')).toBeGreaterThan(0);
  });

  it('every row arrives exactly: the same values, booleans and JSON in every table', async () => {
    const before = sqliteRows(sourceFile);
    const after = await postgresRows(office);
    // stored_files: the data folder's files become its rows (the next test).
    for (const [name] of TABLES) if (name !== 'storedFiles') expect(after[name], name).toEqual(before[name]);
  });

  it('the data folder’s files (letters, attachments, template copies) arrive in the office database, byte for byte, and office mode reads them', async () => {
    const keys = (await source.files.list('Briefe')).concat(await source.files.list('Anliegen'), await source.files.list('Vorlagen'));
    expect(keys).toContain('Vorlagen/geburtstag.docx');
    expect(report.files).toBe(keys.length);
    const office_ = await openPostgresEngine(office, { migrationsFolder: PG_MIGRATIONS_FOLDER });
    try {
      const store = databaseFileStore(office_, { localDir: tempDir(), now: NOW });
      for (const key of keys) expect(await store.get(key), key).toEqual(await source.files.get(key));
    } finally {
      await office_.close();
    }
  });

  it('leaves every copied table analysed and vacuumed (the first lists after the copy get good plans and index-only scans, not guesses)', async () => {
    const client = new pg.Client({ connectionString: office });
    await client.connect();
    try {
      const { rows } = await client.query<{ table: string }>(
        `select relname as table from pg_stat_user_tables where schemaname = 'public' and last_analyze is null and last_autoanalyze is null and n_live_tup > 0`,
      );
      expect(rows.map((r) => r.table)).toEqual([]);
      const { rows: analysed } = await client.query<{ n: number }>(`select count(*)::int as n from pg_stats where tablename = 'contacts'`);
      expect(analysed[0]!.n).toBeGreaterThan(0);
      // Vacuumed too: the pages are marked all-visible, so index-only scans read no table rows.
      const { rows: visible } = await client.query<{ pages: number }>(`select relallvisible as pages from pg_class where relname = 'contacts'`);
      expect(visible[0]!.pages).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });

  it('new rows continue after the copied ids (identity sequences moved past them)', async () => {
    const engine = await openPostgresEngine(office, { migrationsFolder: PG_MIGRATIONS_FOLDER });
    try {
      const { db, t } = engine;
      const highest = Math.max(...(await db.select({ id: t.auditLog.id }).from(t.auditLog)).map((r) => r.id));
      const [added] = await db
        .insert(t.auditLog)
        .values({ at: '2026-11-27T10:00:00Z', user: 'test', action: 'insert', entity: 'contact', summary: 'nach der Übernahme' })
        .returning({ id: t.auditLog.id });
      expect(added!.id).toBe(highest + 1);
      await db.delete(t.auditLog).where(eq(t.auditLog.id, added!.id));
    } finally {
      await engine.close();
    }
  });

  it('refuses a target that is not empty, naming the tables with rows, and changes nothing', async () => {
    const before = await postgresRows(office);
    const error = await copySqliteToPostgres({ sqliteFile: sourceFile, url: office, migrations }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseCopyError);
    expect(error).toMatchObject({ code: 'TARGET_NOT_EMPTY' });
    expect((error as Error).message).toMatch(/^Die Bürodatenbank „copy_[^“]+“ auf „127\.0\.0\.1:\d+“ ist nicht leer: audit_log \([\d.]+ Zeilen\), .*contacts \([\d.]+ Zeilen\).*„db copy“ überträgt einen Datenbestand nur in eine leere Datenbank; es wurde nichts geändert\.$/);
    expect((error as Error).message).not.toMatch(/roles|partnerships/);
    expect(await postgresRows(office)).toEqual(before);
  });

  it('copies the office database into a new SQLite folder, marked as a read-only copy, with the same rows as the single PC had', async () => {
    const parent = tempDir();
    folders.push(parent);
    const laptop = path.join(parent, 'Laptop', 'Rathausbüro');
    const copy = await copyPostgresToSqlite({ url: office, sqliteFile: path.join(laptop, 'rathausbuero.sqlite'), migrations, now: NOW });
    for (const t of copy.tables) expect(t.target, t.table).toBe(t.source);
    // The office's stored files are the new data folder's files again, as the single PC had them.
    expect(copy.files).toBe(await source.files.list('Vorlagen').then((v) => v.length));
    expect(fs.readdirSync(laptop).sort()).toEqual(['Vorlagen', 'rathausbuero.sqlite']);
    expect(await folderFileStore(laptop).get('Vorlagen/geburtstag.docx')).toEqual(await source.files.get('Vorlagen/geburtstag.docx'));
    const rows = sqliteRows(path.join(laptop, 'rathausbuero.sqlite'));
    expect(withoutSnapshotMark(rows)).toEqual(withoutSnapshotMark(sqliteRows(sourceFile)));
    const client = new Database(path.join(laptop, 'rathausbuero.sqlite'), { readonly: true });
    const stored = client.prepare('select value from settings where key = ?').get(SNAPSHOT_SETTING) as { value: string };
    client.close();
    expect(parseSnapshotMark(JSON.parse(stored.value))).toEqual({ of: expect.stringMatching(/^PostgreSQL-Datenbank „copy_.*“ auf „127\.0\.0\.1:\d+“$/), copiedAt: '2026-11-27T09:30:00.000Z' });

    // A copy of a read-only copy (restoring an office backup) leaves the mark behind.
    const restored = await emptyOfficeDatabase();
    await copySqliteToPostgres({ sqliteFile: path.join(laptop, 'rathausbuero.sqlite'), url: restored, migrations });
    expect(await postgresRows(restored)).toEqual(await postgresRows(office));

    const again = await copyPostgresToSqlite({ url: office, sqliteFile: path.join(laptop, 'rathausbuero.sqlite'), migrations, now: NOW }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'TARGET_EXISTS', message: `Im Ordner „${laptop}“ liegt schon eine Rathausbüro-Datenbank. Die Kopie braucht einen neuen oder leeren Ordner; es wurde nichts geändert.` });
  });
});

describe('db copy: all or nothing', { timeout: 180_000 }, () => {
  it('a row PostgreSQL refuses, late in the copy, leaves the office database empty', async () => {
    const broken = createTempApp();
    try {
      await call(broken.handlers, 'demo.load', {});
      // PostgreSQL's text cannot hold the NUL character; SQLite's can.
      broken.db.insert(sqliteSchema.textBlocks).values({ title: 'Kaputt', text: 'vorher\u0000nachher', updatedAt: '2026-11-27' }).run();
      const office = await emptyOfficeDatabase();
      const copied: string[] = [];
      const error = await copySqliteToPostgres({
        sqliteFile: path.join(broken.dataDir, 'rathausbuero.sqlite'),
        url: office,
        migrations,
        onTable: ({ table }) => void copied.push(table),
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'COPY_FAILED' });
      expect((error as Error).message).toMatch(/^Das Kopieren ist bei der Tabelle „text_blocks“ fehlgeschlagen \(Meldung der Datenbank: .*0x00.*\)\. Es wurde nichts übernommen; die Bürodatenbank ist unverändert\.$/);
      expect(copied).toContain('contacts');
      expect(copied).not.toContain('text_blocks');
      // Migrated (that is db migrate's part) but without a single row of the dataset.
      const rows = await postgresRows(office);
      for (const [name, table] of TABLES) if (!SEEDED_TABLES.has(tableName(table))) expect(rows[name], name).toEqual([]);
      expect(await rowCount(office, 'partnerships')).toBe(12);
    } finally {
      broken.cleanup();
    }
  });

  it('a failure midway into a new SQLite folder removes the folder; into an existing empty folder leaves it empty', async () => {
    const office = await emptyOfficeDatabase();
    await copySqliteToPostgres({ sqliteFile: sourceFile, url: office, migrations });
    const parent = tempDir();
    folders.push(parent);
    const stopAt = (name: string) => ({ table }: { table: string }) => {
      if (table === name) throw new Error('Netz weg (Test)');
    };
    const fresh = path.join(parent, 'neu');
    const error = await copyPostgresToSqlite({ url: office, sqliteFile: path.join(fresh, 'rathausbuero.sqlite'), migrations, now: NOW, onTable: stopAt('letters') }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe('Netz weg (Test)');
    expect(fs.existsSync(fresh)).toBe(false);

    const existing = path.join(parent, 'vorhanden');
    fs.mkdirSync(existing);
    await copyPostgresToSqlite({ url: office, sqliteFile: path.join(existing, 'rathausbuero.sqlite'), migrations, now: NOW, onTable: stopAt('visits') }).catch(() => {});
    expect(fs.readdirSync(existing)).toEqual([]);
  });
});
