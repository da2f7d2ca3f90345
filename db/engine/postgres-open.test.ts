/**
 * Office mode's database: never migrated by a PC at start, migrated by IT (`db migrate`),
 * refused when newer than the app, German messages when it cannot be reached.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownSchemaVersion, type DatabaseOpenError } from '../open';
import { searchTextOf } from '../../core/services/contacts/repository';
import { fullTextRepository } from '../../core/services/search/repository';
import { createTestDatabase, type TestDatabase } from '../../tests/support/pg-cluster';
import { openTestEngine, PG_MIGRATIONS_FOLDER, type TestEngine } from '../../tests/support/test-engine';
import { migratePostgres, openPostgresEngine, PG_MIGRATIONS } from './postgres';
import type { Engine, OpenEngine } from './types';

const KNOWN = knownSchemaVersion(PG_MIGRATIONS_FOLDER).count;
const options = { migrationsFolder: PG_MIGRATIONS_FOLDER };

async function query<Row extends Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function openError(url: string, folder = PG_MIGRATIONS_FOLDER): Promise<DatabaseOpenError> {
  const result = await openPostgresEngine(url, { migrationsFolder: folder }).then(
    async (engine) => {
      await engine.close();
      return undefined;
    },
    (error: DatabaseOpenError) => error,
  );
  expect(result, 'the database was opened').toBeDefined();
  return result!;
}

/** The first `count` migrations only: what an older app version shipped. */
function olderMigrations(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(PG_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(0, count);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) fs.copyFileSync(path.join(PG_MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

describe('office mode: opening and migrating the PostgreSQL database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('open');
  }, 120_000);
  afterAll(async () => database?.drop());

  it('refuses an empty database without touching it, and names IT’s step', async () => {
    const error = await openError(database.url);
    expect(error.code).toBe('DB_NEEDS_MIGRATION');
    expect(error.message).toContain('noch nicht für Rathausbüro eingerichtet');
    expect(error.message).toContain('rathausbuero db migrate');
    expect(await query(database.url, `select to_regclass('public.contacts') as t, to_regnamespace('${PG_MIGRATIONS.schema}') as s`)).toEqual([
      { t: null, s: null },
    ]);
  });

  it('refuses a database of an older version with rows in it until IT migrates it; rows survive', async () => {
    expect(KNOWN).toBeGreaterThan(1);
    const older = olderMigrations(KNOWN - 1);
    try {
      expect(await migratePostgres(database.url, { migrationsFolder: older })).toEqual({ before: 0, after: KNOWN - 1, known: KNOWN - 1 });
      await query(
        database.url,
        `insert into contacts (kind, surname, given_name, sort_name, created_at, updated_at) values ('person', 'Müller', 'Anna', 'Müller, Anna', 'x', 'x')`,
      );
      const error = await openError(database.url);
      expect(error.code).toBe('DB_NEEDS_MIGRATION');
      expect(error.message).toBe(
        `Die Datenbank „${new URL(database.url).pathname.slice(1)}“ auf „${new URL(database.url).host}“ hat einen älteren Stand ` +
          `(Schemastand ${KNOWN - 1}, diese Version braucht ${KNOWN}). Bitte lassen Sie die IT \`rathausbuero db migrate\` ausführen; ` +
          'danach startet Rathausbüro wieder.',
      );
    } finally {
      fs.rmSync(older, { recursive: true, force: true });
    }
    expect(await migratePostgres(database.url, options)).toEqual({ before: KNOWN - 1, after: KNOWN, known: KNOWN });
    expect(await migratePostgres(database.url, options)).toEqual({ before: KNOWN, after: KNOWN, known: KNOWN });
    const engine = await openPostgresEngine(database.url, options);
    try {
      const rows = await engine.db.select({ surname: engine.t.contacts.surname }).from(engine.t.contacts);
      expect(rows).toEqual([{ surname: 'Müller' }]);
    } finally {
      await engine.close();
    }
  });

  it('fills the folded search text of contacts stored before migration 0002, as the repository writes it', async () => {
    const fresh = await createTestDatabase('search_text');
    const older = olderMigrations(2);
    try {
      await migratePostgres(fresh.url, { migrationsFolder: older });
      await query(
        fresh.url,
        `insert into contacts (kind, gender, degrees, surname, given_name, city, postcode, email, role_detail, sort_name, created_at, updated_at)
         values ('person', 'female', 'Dr.', 'Özdemir', 'Jülide', 'Duisburg', '47051', 'J.Oezdemir@example.org', 'Fraktion Grüne', 'Özdemir, Jülide', 'x', 'x')`,
      );
      await query(fresh.url, `insert into contact_tags (contact_id, tag) select id, t from contacts, unnest(array['Vereine', 'Presse']) as t`);
      await migratePostgres(fresh.url, options);
      const [row] = await query<Record<string, string>>(
        fresh.url,
        'select surname, given_name as "givenName", name_affix as "nameAffix", name, degrees, city, postcode, email, role_detail as "roleDetail", sort_key, search_text from contacts',
      );
      expect(row!.sort_key).toBe('oezdemir, juelide');
      expect(row!.search_text).toBe(searchTextOf(row as never, ['Vereine', 'Presse']));
    } finally {
      fs.rmSync(older, { recursive: true, force: true });
      await fresh.drop();
    }
  });

  it('makes the ranking rows of the full-text entries written before migration 0017, as the index writes them', async () => {
    const fresh = await createTestDatabase('search_terms');
    const older = olderMigrations(17);
    try {
      await migratePostgres(fresh.url, { migrationsFolder: older });
      // An entry as written before: the terms' positions, the title's weighted A (a word over 256 times keeps 256).
      await query(fresh.url, `insert into speech_search (id, words, terms) values (7, 6, 'hafenf:1A lieb:2 gast:3 hafen:4,6 feiert:5'::tsvector)`);
      await migratePostgres(fresh.url, options);
      const engine = await openPostgresEngine(fresh.url, options);
      try {
        await fullTextRepository(engine, 'press_search').put(7, 'hafenf', 'lieb gast hafen feiert hafen');
        const rows = (table: string) => query(fresh.url, `select term, id, f, words from ${table} order by term`);
        expect(await rows('speech_search_terms')).toEqual(await rows('press_search_terms'));
        expect(await rows('speech_search_terms')).toHaveLength(5);
        expect(await fullTextRepository(engine, 'speech_search').search('"hafen"*', 10)).toEqual([7]);
      } finally {
        await engine.close();
      }
    } finally {
      fs.rmSync(older, { recursive: true, force: true });
      await fresh.drop();
    }
  });

  it('refuses a database written by a newer version, in `db migrate` too, and leaves it unchanged', async () => {
    const table = `"${PG_MIGRATIONS.schema}"."${PG_MIGRATIONS.table}"`;
    const newest = knownSchemaVersion(PG_MIGRATIONS_FOLDER).newest;
    await query(database.url, `insert into ${table} (hash, created_at) values ('aus-der-zukunft', $1)`, [newest + 60_000]);
    try {
      const error = await openError(database.url);
      expect(error.code).toBe('DB_TOO_NEW');
      expect(error.message).toContain(`wurde von einer neueren Version von Rathausbüro eingerichtet (Schemastand ${KNOWN + 1}, diese Version kennt ${KNOWN})`);
      const refused = await migratePostgres(database.url, options).then(
        () => undefined,
        (e: DatabaseOpenError) => e,
      );
      expect(refused?.code).toBe('DB_TOO_NEW');
      expect(await query(database.url, `select count(*)::int as n from ${table}`)).toEqual([{ n: KNOWN + 1 }]);
    } finally {
      await query(database.url, `delete from ${table} where hash = 'aus-der-zukunft'`);
    }
  });

  it('lets two `db migrate` runs at once apply each migration once', async () => {
    const fresh = await createTestDatabase('migrate_twice');
    try {
      const results = await Promise.all([migratePostgres(fresh.url, options), migratePostgres(fresh.url, options)]);
      expect(results.map((r) => r.after)).toEqual([KNOWN, KNOWN]);
      expect(results.map((r) => r.before).sort()).toEqual([0, KNOWN]);
      expect(await query(fresh.url, `select count(*)::int as n from "${PG_MIGRATIONS.schema}"."${PG_MIGRATIONS.table}"`)).toEqual([{ n: KNOWN }]);
    } finally {
      await fresh.drop();
    }
  });

  it('says in German when the server is unreachable, the login fails or the database is missing — never the password', async () => {
    const url = new URL(database.url);
    const role = `amt_${Math.random().toString(36).slice(2, 8)}`;
    await query(database.url, `create role ${role} login password 'richtig-geheim'`);

    const wrongPassword = new URL(url);
    wrongPassword.username = role;
    wrongPassword.password = 'falsch-geheim';
    const login = await openError(wrongPassword.toString());
    expect(login.code).toBe('DB_LOGIN_FAILED');
    expect(login.message).toBe(
      `Die Anmeldung an der Datenbank „${url.pathname.slice(1)}“ als „${role}“ ist fehlgeschlagen: ` +
        'Benutzername oder Passwort stimmen nicht, oder diese Anmeldung ist dort nicht erlaubt. Bitte wenden Sie sich an die IT.',
    );
    expect(JSON.stringify({ message: login.message, details: login.details })).not.toContain('geheim');

    const missing = new URL(url);
    missing.pathname = '/gibt_es_nicht';
    const absent = await openError(missing.toString());
    expect(absent.code).toBe('DB_MISSING');
    expect(absent.message).toBe(
      `Die Datenbank „gibt_es_nicht“ gibt es auf dem Server „${url.host}“ nicht. Bitte prüfen Sie den Namen oder lassen Sie sie von der IT anlegen.`,
    );

    const closed = new URL(url);
    closed.port = '1';
    const unreachable = await openError(closed.toString());
    expect(unreachable.code).toBe('DB_UNREACHABLE');
    expect(unreachable.message).toBe(
      `Der Datenbankserver „${url.hostname}:1“ ist nicht erreichbar. Bitte prüfen Sie die Netzwerkverbindung und die Adresse; ` +
        'besteht das Problem weiter, wenden Sie sich an die IT.',
    );

    const invalid = await openError('kein-server');
    expect(invalid.code).toBe('DB_UNREACHABLE');
    expect(invalid.message).toContain('keine gültige PostgreSQL-Adresse');
  });

  it('refuses a database that is not UTF8 (fold() and the texts need it)', async () => {
    const url = new URL(database.url);
    const name = `ascii_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new URL(url);
    admin.pathname = '/postgres';
    await query(admin.toString(), `create database ${name} template template0 encoding 'SQL_ASCII' locale 'C'`);
    try {
      url.pathname = `/${name}`;
      const error = await openError(url.toString());
      expect(error.code).toBe('DB_UNSUPPORTED');
      expect(error.message).toContain('Rathausbüro braucht PostgreSQL 15 oder neuer und die Kodierung UTF8');
      expect(error.message).toContain('Kodierung SQL_ASCII');
    } finally {
      await query(admin.toString(), `drop database ${name} with (force)`);
    }
  });
});

describe('both engines’ migrations build the same database', () => {
  let sqlite: TestEngine;
  let postgres: TestEngine;
  beforeAll(async () => {
    sqlite = await openTestEngine('sqlite');
    postgres = await openTestEngine('postgres', 'migrated');
  }, 120_000);
  afterAll(async () => {
    await sqlite?.cleanup();
    await postgres?.cleanup();
  });

  /** "table.column" with NOT NULL marked, and the index names: what each engine's migrations made. */
  async function catalogue(engine: OpenEngine) {
    const { db } = engine;
    if (engine.kind === 'sqlite') {
      // The full-text indexes differ by design: FTS5 tables (and their shadow tables) here,
      // tsvector tables with a GIN index and their inverted terms tables there
      // (core/services/search/fts-statements.ts).
      const columns = await db.execute<{ t: string; c: string; notnull: number }>(sql`
        select m.name as t, c.name as c, c."notnull" as "notnull" from sqlite_master m, pragma_table_info(m.name) c
        where m.type = 'table' and m.name not like 'sqlite_%' and m.name <> '__drizzle_migrations' and m.name not like '%_search%'`);
      const indexes = await db.execute<{ name: string }>(sql`select name from sqlite_master where type = 'index' and sql is not null`);
      return {
        columns: columns.rows.map((r) => `${r.t}.${r.c}${r.notnull ? ' not null' : ''}`).sort(),
        indexes: indexes.rows.map((r) => r.name).sort(),
      };
    }
    const columns = await db.execute<{ t: string; c: string; nullable: string }>(sql`
      select table_name as t, column_name as c, is_nullable as nullable from information_schema.columns
      where table_schema = 'public' and table_name !~ '_search(_terms)?$'`);
    // Primary keys are constraints on both; SQLite makes no named index for them.
    const indexes = await db.execute<{ name: string }>(sql`
      select i.relname as name from pg_index x join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = i.relnamespace
      where n.nspname = 'public' and not x.indisprimary and i.relname !~ '^(speech|text_block|request|press)_search_'`);
    return {
      columns: columns.rows.map((r) => `${r.t}.${r.c}${r.nullable === 'NO' ? ' not null' : ''}`).sort(),
      indexes: indexes.rows.map((r) => r.name).sort(),
    };
  }

  it('has the same tables, columns, NOT NULL and indexes (db:generate made both)', async () => {
    const expected = await catalogue(sqlite.engine);
    expect(expected.columns.length).toBeGreaterThan(400);
    expect(await catalogue(postgres.engine)).toEqual(expected);
  });

  it('has the same partner cities after the migrations', async () => {
    const read = ({ db, t }: Engine) => db.select().from(t.partnerships).orderBy(asc(t.partnerships.sortOrder));
    const expected = await read(sqlite.engine);
    expect(expected).toHaveLength(12);
    expect(await read(postgres.engine)).toEqual(expected);
  });
});
