import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { searchTextOf } from '../core/services/contacts/repository';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { appliedSchemaVersion, backupDatabase, DatabaseOpenError, knownSchemaVersion, openDatabase } from './open';
import { MIGRATIONS_FOLDER, tempDir } from '../tests/support/temp-app';
import { writeNewerDatabase } from '../tests/support/newer-database';

const dirs: string[] = [];
const fresh = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates, migrates and sets the pragmas on first start', () => {
    const file = path.join(fresh(), 'sub', 'rathausbuero.sqlite');
    const db = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(fs.existsSync(file)).toBe(true);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(appliedSchemaVersion(db.$client)).toBe(knownSchemaVersion(MIGRATIONS_FOLDER).count);
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['contacts', 'contact_tags', 'roles', 'audit_log']));
    db.$client.close();
  });

  it('opens an existing database again without re-applying migrations', () => {
    const file = path.join(fresh(), 'db.sqlite');
    const first = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    first.$client.prepare("insert into audit_log (at, user, action, entity) values ('x', 'u', 'a', 'e')").run();
    first.$client.close();
    const second = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(second.$client.prepare('select count(*) from audit_log').pluck().get()).toBe(1);
    second.$client.close();
  });

  const openError = (file: string): DatabaseOpenError => {
    try {
      openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER }).$client.close();
    } catch (error) {
      if (error instanceof DatabaseOpenError) return error;
      throw error;
    }
    throw new Error('openDatabase did not refuse the file');
  };

  it('refuses a database written by a newer version and changes nothing at all (not even the journal mode)', () => {
    const dir = fresh();
    const file = writeNewerDatabase(path.join(dir, 'db.sqlite'));
    const before = fs.readFileSync(file);
    const filesBefore = fs.readdirSync(dir);
    const error = openError(file);
    expect(error.code).toBe('DB_TOO_NEW');
    expect(error.message).toMatch(/mit einer neueren Version von Rathausbüro angelegt/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(filesBefore);
  });

  it.each([
    ['text', Buffer.from('das ist keine Datenbank, sondern Text '.repeat(200))],
    ['a truncated database header', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xff)])],
  ])('reports a file that is not a database (%s) in German and leaves it byte for byte as it was', (_, content) => {
    const dir = fresh();
    const file = path.join(dir, 'kaputt.sqlite');
    fs.writeFileSync(file, content);
    const error = openError(file);
    expect(error.code).toBe('DB_UNREADABLE');
    expect(error.message).toBe(
      `Die Datei „${file}“ ist keine Rathausbüro-Datenbank oder sie ist beschädigt. ` +
        'Bitte stellen Sie eine Sicherung wieder her; die Datei bleibt unverändert.',
    );
    expect(fs.readFileSync(file).equals(content)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['kaputt.sqlite']);
  });

  it('reports a path it cannot open (a folder) in German', () => {
    const dir = fresh();
    const folder = path.join(dir, 'rathausbuero.sqlite');
    fs.mkdirSync(folder);
    const error = openError(folder);
    expect(error.code).toBe('DB_UNREADABLE');
    expect(error.message).toMatch(/^Die Datenbank „.*“ kann nicht geöffnet werden\. Bitte prüfen Sie/);
    expect(error.details.cause).toBeTruthy();
  });

  it('backs up online to a consistent copy', async () => {
    const dir = fresh();
    const db = openDatabase(path.join(dir, 'db.sqlite'), { migrationsFolder: MIGRATIONS_FOLDER });
    db.$client.prepare("insert into audit_log (at, user, action, entity) values ('x', 'u', 'a', 'e')").run();
    const target = path.join(dir, 'Sicherungen', 'copy.sqlite');
    await backupDatabase(db, target);
    db.$client.close();
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('select count(*) from audit_log').pluck().get()).toBe(1);
    copy.close();
    expect(fs.existsSync(`${target}.part`)).toBe(false);
  });
});

/**
 * Every migration is applied to a database at the previous version that holds rows.
 * A new migration adds its seed here (rows in the shape of the schema *before* it).
 */
const SEEDS_BEFORE: Record<string, (db: Database.Database) => void> = {
  '0000_initial': () => {
    /* the first migration starts from an empty file */
  },
  '0001_correspondence': (db) => {
    db.prepare(
      "insert into contacts (kind, gender, surname, given_name, sort_name, created_at, updated_at) values ('person', 'female', 'Beispiel', 'Erika', 'Beispiel, Erika', 'x', 'x')",
    ).run();
    db.prepare("insert into contact_tags (contact_id, tag) values (1, 'Presse')").run();
    db.prepare("insert into audit_log (at, user, action, entity) values ('x', 'u', 'create', 'contact')").run();
  },
  '0002_residents': (db) => {
    db.prepare(
      "insert into contacts (kind, gender, surname, sort_name, created_at, updated_at) values ('person', 'male', 'Muster', 'Muster', 'x', 'x')",
    ).run();
    db.prepare("insert into signers (name, gender, office, deputy) values ('Dr. Petra Hovestadt', 'female', 'Oberbürgermeisterin', 0)").run();
    db.prepare(
      `insert into letters (contact_id, recipient_name, recipient_lines, template_id, kind, language, subject, body, fields, signer_id,
        signer_name, author, letter_date, file, created_at, updated_at)
       values (1, 'Max Muster', '["Herrn Max Muster"]', 'geburtstag', 'geburtstag', 'de', 'Ihr 90. Geburtstag', 'Text', '{}', 1,
        'Dr. Petra Hovestadt', 'test', '2026-11-27', 'Briefe/2026/000001.docx', 'x', 'x')`,
    ).run();
    db.prepare("insert into letter_events (letter_id, at, user, action) values (1, 'x', 'test', 'erstellt')").run();
    db.prepare("insert into settings (key, value, updated_at) values ('office', '{}', 'x')").run();
  },
  '0003_jubilee_visits': (db) => {
    db.prepare(
      `insert into residents (register_id, surname, given_names, degree, gender, birth_date, birth_month_day, row_hash, import_id, updated_at)
       values ('R1', 'Groß', 'Erna', '', 'female', '1926-12-10', '12-10', 'h', 1, 'x')`,
    ).run();
    db.prepare("insert into resident_imports (at, user, file_name, added, changed, unchanged, gone, rejected) values ('x', 'u', 'a.csv', 1, 0, 0, 0, 0)").run();
  },
  '0004_jubilee_date_indexes': (db) => {
    db.prepare(
      `insert into residents (register_id, surname, gender, birth_date, birth_month_day, marriage_date, marriage_month_day, spouse_register_id, row_hash, import_id, updated_at)
       values ('R2', 'Maier', 'male', '1940-05-01', '05-01', '1966-12-12', '12-12', 'R3', 'h', 1, 'x')`,
    ).run();
    db.prepare("insert into jubilee_visits (jubilee_key, visit_date, visitor, note, created_at, updated_at) values ('2026-12-10|birthday|R1', '2026-12-10', 'OB', '', 'x', 'x')").run();
  },
  '0005_calendars_invitations': (db) => {
    db.prepare("insert into signers (name, gender, office, deputy) values ('Volker Sandmann', 'male', 'Bürgermeister', 1)").run();
    db.prepare("insert into residents (register_id, surname, gender, birth_date, row_hash, import_id, updated_at) values ('R4', 'Alt', 'male', '1926-12-10', 'h', 1, 'x')").run();
  },
  '0006_speech_register': (db) => {
    db.prepare("insert into signers (name, gender, office, deputy) values ('Dr. Petra Hovestadt', 'female', 'Oberbürgermeisterin', 0)").run();
    db.prepare("insert into calendars (signer_id, color, sort_order) values (1, '#0f6cbd', 0)").run();
    db.prepare(
      "insert into appointments (calendar_id, title, start, end, recurrence_exceptions, created_at, updated_at) values (1, 'Empfang', '2026-12-08T11:00', '2026-12-08T13:00', '[]', 'x', 'x')",
    ).run();
  },
  '0007_speech_texts_patronages': (db) => {
    db.prepare("insert into signers (name, gender, office, deputy) values ('Dr. Petra Hovestadt', 'female', 'Oberbürgermeisterin', 0)").run();
    db.prepare(
      "insert into speeches (title, kind, speaker_id, audience, status, created_at, updated_at) values ('Grußwort Hafenfest', 'grusswort', 1, 'Hafenwirtschaft', 'entwurf', 'x', 'x')",
    ).run();
  },
  '0008_citizen_dialogue': (db) => {
    db.prepare("insert into speeches (title, kind, status, created_at, updated_at) values ('Neujahrsrede', 'rede', 'entwurf', 'x', 'x')").run();
    db.prepare("insert into speech_versions (speech_id, number, body, plain_text, words, saved_at) values (1, 1, '{}', 'Liebe Gäste', 2, 'x')").run();
    db.prepare(
      "insert into patronages (organisation_name, event, event_from, received_on, criteria, created_at, updated_at) values ('Stadtsportbund', 'Jugendsporttag', '2027-05-01', '2026-11-01', '{}', 'x', 'x')",
    ).run();
  },
  '0009_representation_press': (db) => {
    db.prepare("insert into citizens (surname, search_name, created_at, updated_at) values ('Kaya', 'kaya', 'x', 'x')").run();
    db.prepare(
      "insert into citizen_requests (kind, channel, citizen_id, subject, received_on, created_at, updated_at) values ('beschwerde', 'brief', 1, 'Schlagloch', '2026-11-02', 'x', 'x')",
    ).run();
    db.prepare("insert into departments (name) values ('Amt für Straßenbau')").run();
  },
  '0010_request_stats_index': (db) => {
    db.prepare("insert into citizens (surname, search_name, created_at, updated_at) values ('Kaya', 'kaya', 'x', 'x')").run();
    db.prepare(
      "insert into citizen_requests (kind, channel, citizen_id, subject, received_on, created_at, updated_at) values ('lob', 'email', 1, 'Danke', '2026-11-02', 'x', 'x')",
    ).run();
    db.prepare("insert into press_releases (title, created_at, updated_at) values ('Neujahrsempfang', 'x', 'x')").run();
  },
  '0011_search_terms_v2': (db) => {
    db.prepare("insert into speech_search (rowid, title, body) values (1, 'grusswort', 'lieb gast')").run();
    db.prepare("insert into request_search (rowid, title, body) values (1, 'schlagloch', 'strass')").run();
  },
  '0012_jubilee_notifications': (db) => {
    db.prepare("insert into residents (register_id, surname, gender, birth_date, row_hash, import_id, updated_at) values ('R5', 'Alt', 'male', '1926-12-10', 'h', 1, 'x')").run();
    db.prepare("insert into jubilee_visits (jubilee_key, visit_date, visitor, note, created_at, updated_at) values ('2026-12-10|birthday|R5', '2026-12-10', 'OB', '', 'x', 'x')").run();
  },
  '0013_contacts_search_text': (db) => {
    db.prepare(
      `insert into contacts (kind, gender, degrees, surname, given_name, city, postcode, email, role_detail, sort_name, created_at, updated_at)
       values ('person', 'female', 'Dr.', 'Özdemir', 'Jülide', 'Duisburg', '47051', 'J.Oezdemir@example.org', 'Fraktion Grüne', 'Özdemir, Jülide', 'x', 'x')`,
    ).run();
    db.prepare("insert into contacts (kind, name, sort_name, created_at, updated_at) values ('organisation', 'Straßenbahnfreunde', 'Straßenbahnfreunde', 'x', 'x')").run();
    db.prepare("insert into contact_tags (contact_id, tag) values (1, 'Vereine'), (1, 'Presse')").run();
  },
  '0014_residents_current_district_index': (db) => {
    db.prepare(
      `insert into residents (register_id, surname, gender, birth_date, district, gone, row_hash, import_id, updated_at)
       values ('R1', 'Groß', 'female', '1936-12-03', 'Mitte', 0, 'h', 1, 'x'), ('R2', 'Alt', 'male', '1926-12-10', 'Süd', 1, 'h', 1, 'x')`,
    ).run();
  },
  '0015_online_plan': (db) => {
    db.prepare("insert into press_releases (title, status, embargo_until, created_at, updated_at) values ('Hafenfest 2027', 'freigegeben', '2027-06-18T10:00', 'x', 'x')").run();
    db.prepare("insert into settings (key, value, updated_at) values ('speeches', '{\"wordsPerMinute\":110}', 'x')").run();
  },
  '0016_record_revisions': (db) => {
    db.prepare("insert into contacts (kind, name, sort_name, created_at, updated_at) values ('organisation', 'Straßenbahnfreunde', 'Straßenbahnfreunde', 'x', 'x')").run();
    db.prepare("insert into signers (name, gender, office, deputy) values ('Dr. Petra Hovestadt', 'female', 'Oberbürgermeisterin', 0)").run();
    db.prepare("insert into calendars (signer_id, color, sort_order) values (1, '#0f6cbd', 0)").run();
    db.prepare(
      "insert into appointments (calendar_id, title, start, end, recurrence_exceptions, created_at, updated_at) values (1, 'Empfang', '2026-12-08T11:00', '2026-12-08T13:00', '[]', 'x', 'x')",
    ).run();
  },
  '0017_online_crisis': (db) => {
    db.prepare(
      "insert into online_posts (channel, text, media, status, planned_at, created_at, updated_at) values ('instagram', 'Hafenfest', '[]', 'geplant', '2027-06-20T10:00', 'x', 'x')",
    ).run();
  },
  '0018_online_proposals': (db) => {
    db.prepare("insert into signers (name, gender, office, deputy) values ('Dr. Petra Hovestadt', 'female', 'Oberbürgermeisterin', 0)").run();
    db.prepare("insert into calendars (signer_id, color, sort_order) values (1, '#0f6cbd', 0)").run();
    db.prepare(
      "insert into appointments (calendar_id, title, start, end, recurrence_exceptions, created_at, updated_at) values (1, 'Empfang', '2026-12-08T11:00', '2026-12-08T13:00', '[]', 'x', 'x')",
    ).run();
    db.prepare("insert into online_posts (channel, text, media, status, created_at, updated_at) values ('bluesky', 'Hafenfest', '[]', 'entwurf', 'x', 'x')").run();
  },
  '0019_social_requests_lapsed_posts': (db) => {
    db.prepare("insert into citizen_requests (kind, channel, subject, received_on, created_at, updated_at) values ('beschwerde', 'telefon', 'Laterne defekt', '2026-11-02', 'x', 'x')").run();
    db.prepare(
      "insert into online_posts (channel, text, media, status, planned_at, paused_at, created_at, updated_at) values ('mastodon', 'Weihnachtsmarkt', '[]', 'geplant', '2026-11-28T10:00', 'x', 'x', 'x')",
    ).run();
  },
  '0020_revisions_invitations': (db) => {
    db.prepare(
      "insert into invitations (inviter_name, event, dates, received_on, requests, created_at, updated_at) values ('Hafenverein', 'Jahresempfang', '[]', '2026-11-20', '[]', 'x', 'x')",
    ).run();
  },
  '0021_stored_files': (db) => {
    db.prepare("insert into settings (key, value, updated_at) values ('office', '{}', 'x')").run();
  },
  '0022_jobs': (db) => {
    db.prepare("insert into stored_files (key, content, size, stored_at) values ('Briefe/2026/000001.docx', x'00', 1, 'x')").run();
  },
  '0023_revisions_areas': (db) => {
    db.prepare("insert into online_topics (title, created_at, updated_at) values ('Hafenfest', 'x', 'x')").run();
    db.prepare("insert into online_posts (channel, text, media, created_at, updated_at) values ('portal', 'Hafenfest', '[]', 'x', 'x')").run();
    db.prepare(
      "insert into patronages (organisation_name, event, event_from, received_on, criteria, created_at, updated_at) values ('Hafenverein', 'Hafenfest', '2027-06-20', '2026-11-20', '{}', 'x', 'x')",
    ).run();
    db.prepare("insert into gift_items (name, quantity) values ('Stadtwappen-Teller', 5)").run();
    db.prepare("insert into gifts_received (from_name, received_on, description, created_at) values ('Delegation Portsmouth', '2026-11-20', 'Bildband', 'x')").run();
    db.prepare("insert into visits (direction, title, \"from\", \"to\", created_at, updated_at) values ('eingehend', 'Delegation Portsmouth', '2027-05-01', '2027-05-03', 'x', 'x')").run();
    db.prepare(
      "insert into citizen_events (kind, title, start, \"end\", route, created_at, updated_at) values ('gespraech', 'Bürgergespräch Neudorf', '2027-03-04T18:00', '2027-03-04T20:00', '[]', 'x', 'x')",
    ).run();
    db.prepare("insert into volunteer_enquiries (received_on, fields, created_at, updated_at) values ('2026-11-20', '[]', 'x', 'x')").run();
  },
  '0024_revisions_speeches_press_letters': (db) => {
    db.prepare("insert into speeches (title, kind, created_at, updated_at) values ('Neujahrsempfang', 'rede', 'x', 'x')").run();
    db.prepare("insert into press_releases (title, created_at, updated_at) values ('Hafenfest 2027', 'x', 'x')").run();
    db.prepare("insert into press_enquiries (received_at, topic, created_at, updated_at) values ('2026-11-27T09:00', 'Weihnachtsmarkt', 'x', 'x')").run();
    db.prepare(
      `insert into letters (recipient_name, recipient_lines, template_id, kind, language, subject, body, fields, signer_name, author, letter_date, file, created_at, updated_at)
       values ('Herrn Müller', '[]', 'glueckwunsch', 'glueckwunsch', 'de', 'Glückwunsch', '', '{}', 'OB', 'test', '2026-11-27', 'Briefe/1.docx', 'x', 'x')`,
    ).run();
  },
  '0025_jobs_pid': (db) => {
    db.prepare("insert into jobs (id, kind, started_by, workstation, started_at, reported_at, state) values ('j1', 'letters-merge', 'test', 'PC-1', 'x', 'x', 'done')").run();
  },
  '0026_request_stats_days': (db) => {
    db.prepare(
      `insert into citizen_requests (kind, channel, subject, received_on, status, answered_on, closed_on, created_at, updated_at)
       values ('hilfe', 'brief', 'Bank im Park', '2026-11-02', 'erledigt', '2026-11-12', '2026-11-20', 'x', 'x'), ('lob', 'email', 'Danke', '2026-11-03', 'eingegangen', null, null, 'x', 'x')`,
    ).run();
  },
};

describe('migrations', () => {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string; idx: number }>;
  };

  it('has a test seed for every migration', () => {
    expect(Object.keys(SEEDS_BEFORE).sort()).toEqual(journal.entries.map((e) => e.tag).sort());
  });

  it.each(journal.entries.map((e) => [e.tag, e.idx] as const))('%s migrates a database of the previous version with rows in it', (tag, idx) => {
    const dir = fresh();
    // A migrations folder that stops just before this migration.
    const partial = path.join(dir, 'migrations');
    fs.mkdirSync(path.join(partial, 'meta'), { recursive: true });
    const earlier = journal.entries.slice(0, idx);
    fs.writeFileSync(path.join(partial, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: earlier }));
    for (const entry of earlier) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(partial, `${entry.tag}.sql`));
    const file = path.join(dir, 'db.sqlite');
    const old = openDatabase(file, { migrationsFolder: partial });
    SEEDS_BEFORE[tag](old.$client);
    const counts = tableCounts(old.$client);
    old.$client.close();

    const migrated = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(appliedSchemaVersion(migrated.$client)).toBe(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length);
    const after = tableCounts(migrated.$client);
    for (const [table, n] of Object.entries(counts)) if (table in after) expect(after[table]).toBe(n);
    expect(migrated.$client.pragma('foreign_key_check')).toEqual([]);
    // The seed of 0011 wrote index rows with the old terms: they are gone, to be rebuilt.
    const indexed = (table: string) => migrated.$client.prepare(`select count(*) from ${table}`).pluck().get();
    if (tag === '0011_search_terms_v2') expect([indexed('speech_search'), indexed('request_search')]).toEqual([0, 0]);
    // 0013 fills the folded search text and sort key of the contacts already there, as the repository writes them.
    if (tag === '0013_contacts_search_text') {
      const rows = migrated.$client.prepare('select * from contacts order by id').all() as Array<Record<string, string>>;
      const camel = (row: Record<string, string>) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), v]));
      expect(rows.map((r) => [r.sort_key, r.search_text])).toEqual([
        ['oezdemir, juelide', searchTextOf(camel(rows[0]) as never, ['Vereine', 'Presse'])],
        ['strassenbahnfreunde', searchTextOf(camel(rows[1]) as never, [])],
      ]);
      expect(rows[0].search_text).toBe('oezdemir juelide   dr. duisburg 47051 j.oezdemir@example.org fraktion gruene presse vereine');
    }
    // 0016: the records already there start at revision 1.
    if (tag === '0016_record_revisions') {
      const revisions = (table: string) => migrated.$client.prepare(`select revision from ${table}`).pluck().all();
      expect([revisions('contacts'), revisions('appointments')]).toEqual([[1], [1]]);
    }
    // 0017: a post planned before crisis mode existed is not paused.
    if (tag === '0017_online_crisis') {
      expect(migrated.$client.prepare('select status, paused_at as pausedAt from online_posts').all()).toEqual([{ status: 'geplant', pausedAt: null }]);
    }
    // 0018: appointments already there are not public; posts already there come from no proposal.
    if (tag === '0018_online_proposals') {
      expect(migrated.$client.prepare('select public from appointments').pluck().all()).toEqual([0]);
      expect(migrated.$client.prepare('select origin, not_before as notBefore from online_posts').all()).toEqual([{ origin: null, notBefore: null }]);
    }
    // 0019: a request there has no link; a paused post has not lapsed.
    if (tag === '0019_social_requests_lapsed_posts') {
      expect(migrated.$client.prepare('select link from citizen_requests').all()).toEqual([{ link: '' }]);
      expect(migrated.$client.prepare("select lapsed_at as lapsedAt from online_posts where text = 'Weihnachtsmarkt'").all()).toEqual([{ lapsedAt: null }]);
    }
    // 0020: the invitations already there start at revision 1.
    if (tag === '0020_revisions_invitations') {
      expect(migrated.$client.prepare('select revision from invitations').pluck().all()).toEqual([1]);
    }
    // 0023: the topics, posts, patronages, gifts, partner cities, visits, citizens' events and volunteering records already there start at revision 1.
    if (tag === '0023_revisions_areas') {
      const revisions = (table: string) => migrated.$client.prepare(`select distinct revision from ${table}`).pluck().all();
      const tables = ['online_topics', 'online_posts', 'patronages', 'gift_items', 'gifts_received', 'partnerships', 'visits', 'citizen_events', 'volunteer_enquiries'];
      expect(tables.map(revisions)).toEqual(tables.map(() => [1]));
    }
    // 0024: the speeches, press releases, press enquiries and letters already there start at revision 1.
    if (tag === '0024_revisions_speeches_press_letters') {
      const revisions = (table: string) => migrated.$client.prepare(`select revision from ${table}`).pluck().all();
      expect(['speeches', 'press_releases', 'press_enquiries', 'letters'].map(revisions)).toEqual([[1], [1], [1], [1]]);
    }
    migrated.$client.close();
  });
});

/** Rows per table; full-text indexes (derived data a migration may empty for a rebuild) left out. */
function tableCounts(db: Database.Database): Record<string, number> {
  const tables = (
    db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations'").pluck().all() as string[]
  ).filter((name) => !/_search($|_)/.test(name));
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`select count(*) from "${t}"`).pluck().get() as number]));
}
