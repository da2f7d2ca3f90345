/**
 * The proof that one repository runs on both engines: the same small repository code (real
 * tables of both schemas) against SQLite and PostgreSQL, with the same assertions.
 */
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldGerman } from '../../core/domain/text/fold';
import { ENGINES, openTestEngine, type TestEngine } from '../../tests/support/test-engine';
import type { Engine } from './types';

/** Repository-style code as services will have it: only `engine`, only awaited builders. */
function contactsRepository({ db, t, dsql }: Engine) {
  const organisations = alias(t.contacts, 'organisations');
  return {
    async addPerson(surname: string, givenName: string, organisationId: number | null = null): Promise<number> {
      const [row] = await db
        .insert(t.contacts)
        .values({ kind: 'person', surname, givenName, organisationId, sortName: `${surname}, ${givenName}`, createdAt: 'x', updatedAt: 'x' })
        .returning({ id: t.contacts.id });
      return row!.id;
    },
    async addOrganisation(name: string): Promise<number> {
      const [row] = await db
        .insert(t.contacts)
        .values({ kind: 'organisation', name, sortName: name, createdAt: 'x', updatedAt: 'x' })
        .returning({ id: t.contacts.id });
      return row!.id;
    },
    withOrganisation() {
      return db
        .select({ id: t.contacts.id, surname: t.contacts.surname, organisation: organisations.name, former: t.contacts.former })
        .from(t.contacts)
        .leftJoin(organisations, eq(organisations.id, t.contacts.organisationId))
        .where(eq(t.contacts.kind, 'person'))
        .orderBy(asc(t.contacts.id));
    },
    async markFormer(id: number): Promise<boolean | undefined> {
      const [row] = await db.update(t.contacts).set({ former: true }).where(eq(t.contacts.id, id)).returning({ former: t.contacts.former });
      return row?.former;
    },
    async remove(id: number): Promise<number> {
      return (await db.delete(t.contacts).where(eq(t.contacts.id, id)).returning({ id: t.contacts.id })).length;
    },
    count: (former?: boolean) => db.$count(t.contacts, former === undefined ? undefined : eq(t.contacts.former, former)),
    async countPeople(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(t.contacts).where(eq(t.contacts.kind, 'person'));
      return row!.n;
    },
    search: (text: string) =>
      db
        .select({ surname: t.contacts.surname })
        .from(t.contacts)
        .where(dsql.foldedContains(sql`${t.contacts.surname} || ' ' || ${t.contacts.givenName}`, text))
        .orderBy(asc(t.contacts.id)),
  };
}

function lettersRepository({ db, t, dsql }: Engine) {
  return {
    async add(recipientName: string, fields: Record<string, unknown>): Promise<number> {
      const [row] = await db
        .insert(t.letters)
        .values({
          recipientName,
          recipientLines: [recipientName, 'Königstraße 1', '47051 Duisburg'],
          templateId: 'geburtstag',
          kind: 'jubilaeum',
          language: 'de',
          subject: 'Glückwunsch',
          body: '',
          fields,
          signerName: 'Oberbürgermeister',
          author: 'test',
          letterDate: '2026-11-27',
          file: `${recipientName}.docx`,
          createdAt: 'x',
          updatedAt: 'x',
        })
        .returning({ id: t.letters.id });
      return row!.id;
    },
    find: async (id: number) => (await db.select().from(t.letters).where(eq(t.letters.id, id)))[0],
    /** The letters written to a resident (registerIds in the letter's fields). */
    forResident: (registerId: string) =>
      db
        .select({ id: t.letters.id })
        .from(t.letters)
        .where(dsql.jsonArrayContains(t.letters.fields, 'registerIds', registerId))
        .orderBy(asc(t.letters.id)),
  };
}

/**
 * Compile time (tsc -p tsconfig.node.json): SQLite's synchronous calls do not exist on the
 * engine, so every one left in a repository is an error to fix when it moves to the engine.
 */
export function syncCallsDoNotCompile({ db, t }: Engine): void {
  // @ts-expect-error .get() is SQLite's synchronous call: await the builder instead
  void db.select().from(t.contacts).get();
  // @ts-expect-error .all(): await the builder
  void db.select().from(t.contacts).all();
  // @ts-expect-error .run(): await the builder
  void db.delete(t.contacts).run();
  // @ts-expect-error better-sqlite3's client is not reachable through the engine
  void db.$client;
}

describe.each(ENGINES)('engine on %s', (kind) => {
  let handle: TestEngine;
  let engine: Engine;
  beforeAll(async () => {
    handle = await openTestEngine(kind, 'engine_proof');
    engine = handle.engine;
  }, 120_000);
  afterAll(async () => handle?.cleanup());

  it('inserts with returning, joins, updates, deletes and counts', async () => {
    const contacts = contactsRepository(engine);
    const museum = await contacts.addOrganisation('Lehmbruck-Museum');
    const anna = await contacts.addPerson('Müller', 'Anna', museum);
    const theo = await contacts.addPerson('Özdemir', 'Theo');
    expect(typeof anna).toBe('number');
    expect(await contacts.withOrganisation()).toEqual([
      { id: anna, surname: 'Müller', organisation: 'Lehmbruck-Museum', former: false },
      { id: theo, surname: 'Özdemir', organisation: null, former: false },
    ]);
    expect(await contacts.markFormer(theo)).toBe(true);
    expect(await contacts.count(true)).toBe(1);
    expect(await contacts.countPeople()).toBe(2);
    expect(await contacts.remove(theo)).toBe(1);
    expect(await contacts.remove(theo)).toBe(0);
    expect(await contacts.count()).toBe(2);
  });

  it('keeps booleans and JSON as they were written, and reads them from raw SQL through dsql', async () => {
    const { db, t, dsql } = engine;
    const [signer] = await db
      .insert(t.signers)
      .values({ name: 'Sören Link', gender: 'male', office: 'Oberbürgermeister', deputy: false })
      .returning();
    expect(signer).toMatchObject({ deputy: false, active: true, sortOrder: 0 });
    expect(await db.select({ id: t.signers.id }).from(t.signers).where(and(eq(t.signers.deputy, false), eq(t.signers.active, true)))).toEqual([
      { id: signer!.id },
    ]);

    const letters = lettersRepository(engine);
    const fields = { registerIds: ['R5', 'R7'], age: 100, nested: { z: 1, a: [true, null] } };
    const id = await letters.add('Erika Mustermann', fields);
    const letter = await letters.find(id);
    expect(letter!.fields).toEqual(fields);
    // Object keys come back in the order written (json, not jsonb): comparing JSON text stays valid.
    expect(JSON.stringify(letter!.fields)).toBe(JSON.stringify(fields));
    expect(letter!.recipientLines).toEqual(['Erika Mustermann', 'Königstraße 1', '47051 Duisburg']);
    expect(await letters.forResident('R7')).toEqual([{ id }]);
    expect(await letters.forResident('R1')).toEqual([]);

    // Raw SQL: camelCase aliases quoted, values normalised by dsql.
    const { rows } = await db.execute<{ deputy: unknown; active: unknown; fields: unknown; n: unknown }>(
      sql`select s.deputy as "deputy", s.active as "active", l.fields as "fields", (select count(*) from ${t.letters}) as "n"
          from ${t.signers} s, ${t.letters} l where s.id = ${signer!.id} and l.id = ${id}`,
    );
    expect(rows).toHaveLength(1);
    expect(dsql.bool(rows[0]!.deputy)).toBe(false);
    expect(dsql.bool(rows[0]!.active)).toBe(true);
    expect(dsql.json(rows[0]!.fields)).toEqual(fields);
    expect(dsql.number(rows[0]!.n)).toBe(1);
    // A boolean bound in raw SQL works on both (SQLite binds it as 1/0).
    const { rows: active } = await db.execute<{ id: unknown }>(sql`select id as "id" from ${t.signers} where active = ${true}`);
    expect(active.map((r) => dsql.number(r.id))).toEqual([signer!.id]);
    // …and one written into the SQL text (what a partial index must see).
    const literally = (value: boolean) => db.select({ id: t.signers.id }).from(t.signers).where(sql`${t.signers.active} = ${dsql.literal(value)}`);
    expect(await literally(true)).toEqual([{ id: signer!.id }]);
    expect(await literally(false)).toEqual([]);
  });

  it('finds folded text the same way on both (fold() exists on both engines)', async () => {
    const { db, dsql } = engine;
    const samples = ['Müller', 'MÜLLER', 'Straße', 'STRAẞE', 'Élodie Œuvre', 'Łódź', 'İstanbul', 'ﬁne', 'Çelik', 'Dvořák', 'Ångström'];
    for (const text of samples) {
      const { rows } = await db.execute<{ folded: string }>(sql`select ${dsql.fold(sql`${text}`)} as "folded"`);
      expect(rows[0]!.folded, text).toBe(foldGerman(text));
    }
    const contacts = contactsRepository(engine);
    await contacts.addPerson('Schäfer', 'Jürgen');
    expect(await contacts.search('SCHAEFER jurgen')).toEqual([]);
    expect(await contacts.search('SCHAEFER juergen')).toEqual([{ surname: 'Schäfer' }]);
    expect(await contacts.search('schäf')).toEqual([{ surname: 'Schäfer' }]);
    expect(await contacts.search('100%')).toEqual([]);
    const sameName = await engine.db
      .select({ givenName: engine.t.contacts.givenName })
      .from(engine.t.contacts)
      .where(dsql.foldedEquals(engine.t.contacts.surname, 'SCHAEFER'));
    expect(sameName).toEqual([{ givenName: 'Jürgen' }]);
  });

  it('finds an element of a JSON array column', async () => {
    const { db, t, dsql } = engine;
    const [signer] = await db.insert(t.signers).values({ name: 'Edeltraud Klabuhn', gender: 'female', office: 'Bürgermeisterin' }).returning();
    const [calendar] = await db.insert(t.calendars).values({ signerId: signer!.id, color: '#0f6cbd' }).returning();
    const [invitation] = await db
      .insert(t.invitations)
      .values({
        event: 'Sommerfest',
        dates: [{ start: '2027-07-01T18:00', end: '2027-07-01T22:00', allDay: false }],
        requests: ['attendance', 'grusswort'],
        receivedOn: '2026-11-27',
        calendarId: calendar!.id,
        createdAt: 'x',
        updatedAt: 'x',
      })
      .returning({ id: t.invitations.id });
    const asking = (request: string) =>
      db.select({ id: t.invitations.id }).from(t.invitations).where(dsql.jsonArrayContains(t.invitations.requests, null, request));
    expect(await asking('grusswort')).toEqual([{ id: invitation!.id }]);
    expect(await asking('speech')).toEqual([]);
  });

  it('reads a top-level JSON value as text and tells whether one is an array (the jubilee letters of a period)', async () => {
    const { db, t, dsql } = engine;
    const letters = lettersRepository(engine);
    const id = await letters.add('Erika Mustermann', { registerIds: ['R5', 'R7'] });
    const other = await letters.add('Max Mustermann', { anlassDatum: '2026-12-01', ehejahre: 50, registerIds: 'R9' });
    const read = await db
      .select({
        id: t.letters.id,
        day: dsql.jsonText(t.letters.fields, 'anlassDatum'),
        wedding: dsql.jsonText(t.letters.fields, 'ehejahre'),
        listed: dsql.jsonIsArray(t.letters.fields, 'registerIds'),
      })
      .from(t.letters)
      .where(sql`${t.letters.id} in (${id}, ${other})`)
      .orderBy(asc(t.letters.id));
    expect(read.map((r) => ({ ...r, listed: dsql.bool(r.listed) }))).toEqual([
      { id, day: null, wedding: null, listed: true },
      { id: other, day: '2026-12-01', wedding: '50', listed: false },
    ]);
  });

  it('counts whole days between ISO dates and gathers a group’s values as a JSON array', async () => {
    const { db, t, dsql } = engine;
    const r = t.citizenRequests;
    const request = (kind: 'idee' | 'lob', receivedOn: string, answeredOn: string | null) =>
      ({ kind, channel: 'email', subject: 'Anliegen', receivedOn, answeredOn, createdAt: 'x', updatedAt: 'x' }) as const;
    await db.insert(r).values([
      request('idee', '2026-02-20', '2026-03-02'),
      request('idee', '2026-12-30', '2027-01-02'),
      request('idee', '2026-05-10', '2026-05-08'),
      request('idee', '2026-05-10', null),
      request('lob', '2026-05-10', null),
    ]);
    const rows = await db
      .select({ kind: r.kind, days: dsql.jsonArrayAgg(dsql.daysBetween(r.receivedOn, r.answeredOn), isNotNull(r.answeredOn)), all: dsql.jsonArrayAgg(r.receivedOn) })
      .from(r)
      .groupBy(r.kind)
      .orderBy(asc(r.kind));
    const read = rows.map((row) => ({ kind: row.kind, days: dsql.json<number[]>(row.days)!.sort((a, b) => a - b), all: dsql.json<string[]>(row.all)!.length }));
    // Across a leap-free February and a year's end; a date before the receipt counts negative.
    expect(read).toEqual([
      { kind: 'idee', days: [-2, 3, 10], all: 4 },
      { kind: 'lob', days: [], all: 1 },
    ]);
  });

  it('tells a unique violation from a foreign key violation', async () => {
    const { db, t, dsql } = engine;
    await db.insert(t.distributionLists).values({ name: 'Presse Duisburg' });
    const duplicate = await db
      .insert(t.distributionLists)
      .values({ name: 'Presse Duisburg' })
      .then(() => undefined, (error: unknown) => error);
    expect(dsql.isUniqueViolation(duplicate)).toBe(true);
    expect(dsql.isForeignKeyViolation(duplicate)).toBe(false);
    const orphan = await db
      .insert(t.contactTags)
      .values({ contactId: 999_999, tag: 'Presse' })
      .then(() => undefined, (error: unknown) => error);
    expect(dsql.isForeignKeyViolation(orphan)).toBe(true);
    expect(dsql.isUniqueViolation(orphan)).toBe(false);
  });

  it('filters by a list of ids bound as one parameter', async () => {
    const { db, t, dsql } = engine;
    const ids = (await db.select({ id: t.contacts.id }).from(t.contacts).orderBy(asc(t.contacts.id))).map((r) => r.id);
    const wanted = [ids[0]!, ids[ids.length - 1]!, ...Array.from({ length: 40_000 }, (_, i) => 1_000_000 + i)];
    const found = await db.select({ id: t.contacts.id }).from(t.contacts).where(dsql.inIds(t.contacts.id, wanted)).orderBy(asc(t.contacts.id));
    expect(found.map((r) => r.id)).toEqual([ids[0], ids[ids.length - 1]]);
  });

  it('commits a transaction, and rolls back exactly its statements when it throws', async () => {
    const contacts = contactsRepository(engine);
    const before = await contacts.count();
    const kept = await engine.transaction(async () => contacts.addPerson('Kemper', 'Lea'));
    expect(await contacts.count()).toBe(before + 1);
    await expect(
      engine.transaction(async () => {
        // The repository does not know it runs in a transaction.
        await contacts.addPerson('Weber', 'Jan');
        await contacts.markFormer(kept);
        throw new Error('abgebrochen');
      }),
    ).rejects.toThrow('abgebrochen');
    expect(await contacts.count()).toBe(before + 1);
    expect((await contacts.withOrganisation()).find((c) => c.id === kept)).toMatchObject({ surname: 'Kemper', former: false });
  });

  it('makes a nested transaction a savepoint: its rollback keeps the outer statements', async () => {
    const contacts = contactsRepository(engine);
    const before = await contacts.count();
    const result = await engine.transaction(async () => {
      await contacts.addPerson('Außen', 'Eins');
      await engine
        .transaction(async () => {
          await contacts.addPerson('Innen', 'Zwei');
          throw new Error('innen abgebrochen');
        })
        .catch(() => undefined);
      await engine.transaction(async () => contacts.addPerson('Innen', 'Drei'));
      return 'fertig';
    });
    expect(result).toBe('fertig');
    const names = (await contacts.withOrganisation()).map((c) => c.surname);
    expect(await contacts.count()).toBe(before + 2);
    expect(names).toContain('Außen');
    expect(names.filter((n) => n === 'Innen')).toHaveLength(1);
  });

  it('never lets a concurrent call land inside another call’s transaction', async () => {
    const { db, t } = engine;
    const tag = (label: string) => db.insert(t.distributionLists).values({ name: label });
    let opened!: () => void;
    const insideTransaction = new Promise<void>((resolve) => (opened = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));

    const doomed = engine.transaction(async () => {
      await tag('T: vorher');
      opened();
      await gate;
      await tag('T: nachher');
      throw new Error('zurückgerollt');
    });
    await insideTransaction;
    // Unrelated calls while the transaction is open (they may wait for it on SQLite).
    const unrelated = Promise.all([tag('U: eins'), engine.transaction(async () => tag('U: zwei')), tag('U: drei')]);
    release();
    await expect(doomed).rejects.toThrow('zurückgerollt');
    await unrelated;

    const many = Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0
        ? engine
            .transaction(async () => {
              await tag(`R${i}: a`);
              await tag(`R${i}: b`);
              throw new Error('nein');
            })
            .catch(() => undefined)
        : i % 3 === 1
          ? engine.transaction(async () => {
              await tag(`C${i}: a`);
              await tag(`C${i}: b`);
            })
          : tag(`P${i}`),
    );
    await Promise.all(many);

    const names = (await db.select({ name: t.distributionLists.name }).from(t.distributionLists)).map((r) => r.name);
    const expected = [
      'U: eins',
      'U: zwei',
      'U: drei',
      ...Array.from({ length: 30 }, (_, i) => (i % 3 === 1 ? [`C${i}: a`, `C${i}: b`] : i % 3 === 2 ? [`P${i}`] : [])).flat(),
    ];
    expect(names.filter((n) => !n.startsWith('Presse')).sort()).toEqual(expected.sort());
  });

  it('locks the rows read with forUpdate, so concurrent read-modify-write transactions lose no update', async () => {
    const { db, t, dsql } = engine;
    const [item] = await db.insert(t.giftItems).values({ name: 'Stadtwappen aus Zinn', quantity: 20 }).returning({ id: t.giftItems.id });
    const takeOne = () =>
      engine.transaction(async () => {
        const [row] = await dsql.forUpdate(db.select({ quantity: t.giftItems.quantity }).from(t.giftItems).where(eq(t.giftItems.id, item!.id)));
        // Give the other transactions the chance to read the same row meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 5));
        await db.update(t.giftItems).set({ quantity: row!.quantity - 1 }).where(eq(t.giftItems.id, item!.id));
      });
    await Promise.all(Array.from({ length: 4 }, takeOne));
    const [after] = await db.select({ quantity: t.giftItems.quantity }).from(t.giftItems).where(eq(t.giftItems.id, item!.id));
    expect(after!.quantity).toBe(16);
  });

  it('runs transactions that take the same lockFor name one after the other, so a check-then-insert inserts once', async () => {
    const { db, t, dsql } = engine;
    const name = 'Gastgeschenk nur einmal';
    const addOnce = () =>
      engine.transaction(async () => {
        await db.execute(dsql.lockFor(`gift:${name}`));
        const existing = await db.select({ id: t.giftItems.id }).from(t.giftItems).where(eq(t.giftItems.name, name));
        // Give the other transactions the chance to check meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (existing.length === 0) await db.insert(t.giftItems).values({ name, quantity: 1 });
      });
    await Promise.all(Array.from({ length: 4 }, addOnce));
    expect(await db.select({ id: t.giftItems.id }).from(t.giftItems).where(eq(t.giftItems.name, name))).toHaveLength(1);
  });

  it('refuses a statement that outlives its transaction', async () => {
    const { db, t } = engine;
    let late!: Promise<unknown>;
    await engine.transaction(async () => {
      late = new Promise((resolve) => setTimeout(resolve, 20)).then(() => db.select().from(t.signers));
    });
    const error = (await late.then(() => undefined, (e: unknown) => e)) as Error & { cause?: Error };
    // SQLite's driver wraps it in drizzle's query error (the cause), PostgreSQL's throws it as it is.
    expect(`${error?.message} ${error?.cause?.message}`).toContain('after its transaction ended');
  });
});
