import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type ContactInput } from '../../api';
import { asc } from 'drizzle-orm';
import { openTempApp } from '../../../tests/support/temp-app';
import { ENGINES } from '../../../tests/support/test-engine';
import { foldGerman } from '../../domain/text/fold';

let app: Awaited<ReturnType<typeof openTempApp>>;

const person = (over: Partial<Extract<ContactInput, { kind: 'person' }>> = {}): ContactInput => ({
  kind: 'person',
  gender: 'female',
  givenName: 'Erika',
  surname: 'Beispiel',
  ...over,
});

const partnerOf = async (id: number) => {
  const contact = await call(app.handlers, 'contacts.get', { id });
  return contact.kind === 'person' ? contact.partnerId : undefined;
};

describe.each(ENGINES)('contacts service on %s', (kind) => {
  beforeEach(async () => {
    app = await openTempApp(kind, { label: 'contacts_service' });
  }, 60_000);
  afterEach(async () => app.cleanup());

  it('creates a person and reads it back with defaults filled in', async () => {
    const created = await call(app.handlers, 'contacts.create', person({ degrees: 'Prof. Dr.', roleKey: 'buergermeister', tags: ['Presse', 'Presse', ' Rat '] }));
    const read = await call(app.handlers, 'contacts.get', { id: created.id });
    expect(read).toMatchObject({
      kind: 'person',
      gender: 'female',
      degrees: 'Prof. Dr.',
      surname: 'Beispiel',
      roleKey: 'buergermeister',
      language: 'de',
      tags: ['Presse', 'Rat'],
      organisationName: null,
      partnerName: null,
    });
    expect(read.createdAt).toBe('2026-11-27T09:00:00.000Z');
  });

  it('composes the forms of address of a stored contact, with the postal lines', async () => {
    const c = await call(app.handlers, 'contacts.create', person({ degrees: 'Prof. Dr.', roleKey: 'buergermeister', street: 'Burgplatz', houseNumber: '19', postcode: '47051', city: 'Duisburg' }));
    const forms = await call(app.handlers, 'contacts.addressing', { id: c.id });
    expect(forms.salutation).toBe('Sehr geehrte Frau Bürgermeisterin');
    expect(forms.addressBlock).toEqual(['Frau Bürgermeisterin', 'Prof. Dr. Erika Beispiel', 'Burgplatz 19', '47051 Duisburg']);
  });

  it('finds contacts by name, organisation, city and tag, ignoring case and umlaut spelling', async () => {
    const org = await call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'Schützenverein Ruhrort e. V.', city: 'Duisburg' });
    await call(app.handlers, 'contacts.create', person({ surname: 'Müller', organisationId: org.id, city: 'Moers', tags: ['Vereine'] }));
    await call(app.handlers, 'contacts.create', person({ givenName: 'Hans', surname: 'Schmidt', gender: 'male', city: 'Oberhausen' }));
    const names = async (query: string) =>
      (await call(app.handlers, 'contacts.list', { query })).items.map((i) => i.displayName).sort();
    expect(await names('MÜLLER')).toEqual(['Erika Müller']);
    expect(await names('mueller')).toEqual(['Erika Müller']);
    expect(await names('schützen')).toEqual(['Erika Müller', 'Schützenverein Ruhrort e. V.']);
    expect(await names('oberhausen')).toEqual(['Hans Schmidt']);
    expect(await names('vereine')).toEqual(['Erika Müller']);
    expect(await names('hans schmidt')).toEqual(['Hans Schmidt']);
    expect(await names('100%')).toEqual([]);
  });

  it('finds people by the office they hold and by their organisation under its current name', async () => {
    const org = await call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'Schützenverein Ruhrort e. V.' });
    await call(app.handlers, 'contacts.create', person({ surname: 'Albers', roleKey: 'mdb' }));
    await call(app.handlers, 'contacts.create', person({ surname: 'Kaya', organisationId: org.id }));
    const names = async (query: string) =>
      (await call(app.handlers, 'contacts.list', { query })).items.map((i) => i.displayName).sort();
    expect(await names('bundestag')).toEqual(['Erika Albers']);
    const stored = await call(app.handlers, 'contacts.get', { id: org.id });
    await call(app.handlers, 'contacts.update', { id: org.id, revision: stored.revision, contact: { ...stored, name: 'Bürgerschützen Ruhrort' } });
    expect(await names('buergerschuetzen')).toEqual(['Bürgerschützen Ruhrort', 'Erika Kaya']);
    expect(await names('schützenverein')).toEqual([]);
  });

  // Counts the calls of SQLite's fold() function on the connection (PostgreSQL's is in the database).
  it.skipIf(kind === 'postgres')('searches and sorts by stored folded text: no fold() per contact while listing', async () => {
    const db = (app as unknown as { db: import('../../../db/open').Db }).db;
    for (let i = 0; i < 30; i++) await call(app.handlers, 'contacts.create', person({ surname: `Müller${i}`, city: 'Duisburg', tags: ['Vereine'] }));
    let folds = 0;
    db.$client.function('fold', { deterministic: true }, (value: unknown) => {
      folds++;
      return typeof value === 'string' ? foldGerman(value) : value;
    });
    const found = await call(app.handlers, 'contacts.list', { query: 'MÜL vereine', limit: 10 });
    expect([found.total, found.items.length, found.items[0].displayName]).toEqual([30, 10, 'Erika Müller0']);
    expect(folds).toBe(0);
  });

  it('filters by kind, tag and role and sorts under the name proper', async () => {
    await call(app.handlers, 'contacts.create', person({ givenName: 'Theo', nameAffix: 'Graf von', surname: 'Hinckelstein', gender: 'male' }));
    await call(app.handlers, 'contacts.create', person({ surname: 'Albers', roleKey: 'mdb', tags: ['Presse'] }));
    await call(app.handlers, 'contacts.create', { kind: 'organisation', name: 'Zeitung am Rhein', tags: ['Presse'] });
    const byName = await call(app.handlers, 'contacts.list', {});
    expect(byName.items.map((i) => i.sortName)).toEqual(['Albers, Erika', 'Hinckelstein, Theo Graf von', 'Zeitung am Rhein']);
    expect((await call(app.handlers, 'contacts.list', { kind: 'organisation' })).items.map((i) => i.displayName)).toEqual(['Zeitung am Rhein']);
    expect((await call(app.handlers, 'contacts.list', { tag: 'Presse' })).total).toBe(2);
    const mdb = await call(app.handlers, 'contacts.list', { roleKey: 'mdb' });
    expect(mdb.items.map((i) => [i.displayName, i.roleLabel])).toEqual([['Erika Albers', 'Mitglied des Deutschen Bundestages']].map(([n]) => [n, mdb.items[0].roleLabel]));
    expect(mdb.items[0].roleLabel).not.toBe('');
    expect(await call(app.handlers, 'contacts.tags', {})).toEqual([{ tag: 'Presse', count: 2 }]);
  });

  it('sorts names as in name lists after DIN 5007-2 (ö as oe), foreign letters with their base letter', async () => {
    for (const surname of ['Zielinski', 'Özdemir', 'Otto', 'Çelik', 'Peters', 'Şahin']) await call(app.handlers, 'contacts.create', person({ surname }));
    const { items } = await call(app.handlers, 'contacts.list', {});
    expect(items.map((i) => i.sortName.split(',')[0])).toEqual(['Çelik', 'Özdemir', 'Otto', 'Peters', 'Şahin', 'Zielinski']);
  });

  it('keeps partner links mutual and releases former partners', async () => {
    const a = await call(app.handlers, 'contacts.create', person({ givenName: 'Maria', surname: 'Maier' }));
    const b = await call(app.handlers, 'contacts.create', person({ givenName: 'Manfred', surname: 'Maier', gender: 'male', partnerId: a.id }));
    expect(await partnerOf(a.id)).toBe(b.id);
    const couple = await call(app.handlers, 'contacts.addressing', { id: b.id });
    expect(couple.salutation).toBe('Sehr geehrte Frau Maier, sehr geehrter Herr Maier');

    const c = await call(app.handlers, 'contacts.create', person({ givenName: 'Clara', surname: 'Neu' }));
    await call(app.handlers, 'contacts.update', { id: b.id, revision: b.revision, contact: { ...b, partnerId: c.id } });
    expect(await partnerOf(a.id)).toBeNull();
    expect(await partnerOf(c.id)).toBe(b.id);

    await call(app.handlers, 'contacts.delete', { id: b.id, revision: (await call(app.handlers, 'contacts.get', { id: b.id })).revision });
    expect(await partnerOf(c.id)).toBeNull();
  });

  it('refuses wrong links and unknown roles with German messages naming the field', async () => {
    const p = await call(app.handlers, 'contacts.create', person());
    const cases: Array<[ContactInput, RegExp]> = [
      [person({ organisationId: p.id }), /Organisation: Der Kontakt Nr\. \d+ ist keine Organisation/],
      [person({ partnerId: 9999 }), /Ehe-\/Lebenspartner\/in: Der Kontakt Nr\. 9999 ist keine Person/],
      [person({ roleKey: 'kaiser' }), /Das Amt „kaiser“ ist im Katalog nicht bekannt/],
    ];
    for (const [input, message] of cases) {
      const result = await dispatch(app.handlers, 'contacts.create', input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(message);
      }
    }
    const self = await dispatch(app.handlers, 'contacts.update', { id: p.id, revision: p.revision, contact: { ...p, partnerId: p.id } });
    expect(self.ok || self.error.message).toMatch(/nicht mit sich selbst/);
    expect((await call(app.handlers, 'contacts.list', {})).total).toBe(1);
  });

  it('validates input through the contract (missing surname, bad e-mail)', async () => {
    const result = await dispatch(app.handlers, 'contacts.create', { kind: 'person', gender: 'male', surname: ' ', email: 'kein-at' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('Nachname: Der Nachname fehlt.');
      expect(result.error.message).toContain('E-Mail: Die E-Mail-Adresse ist ungültig.');
    }
  });

  it('deletes a contact, records it in the audit log and reports an unknown id', async () => {
    const p = await call(app.handlers, 'contacts.create', person());
    expect(await call(app.handlers, 'contacts.delete', { id: p.id, revision: p.revision })).toEqual({ id: p.id, displayName: 'Erika Beispiel' });
    const missing = await dispatch(app.handlers, 'contacts.get', { id: p.id });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'NOT_FOUND', message: `Der Kontakt Nr. ${p.id} wurde nicht gefunden.` });
    const { db, t } = app.engine;
    const audit = await db.select({ action: t.auditLog.action, summary: t.auditLog.summary }).from(t.auditLog).orderBy(asc(t.auditLog.id));
    expect(audit).toEqual([
      { action: 'create', summary: 'Erika Beispiel' },
      { action: 'delete', summary: 'Erika Beispiel' },
    ]);
  });

  it('saves against the revision it was loaded at: the list and the record carry it, each save raises it', async () => {
    const p = await call(app.handlers, 'contacts.create', person());
    expect(p.revision).toBe(1);
    const saved = await call(app.handlers, 'contacts.update', { id: p.id, revision: 1, contact: { ...p, city: 'Moers' } });
    expect(saved).toMatchObject({ city: 'Moers', revision: 2 });
    expect((await call(app.handlers, 'contacts.list', {})).items.map((i) => [i.id, i.revision])).toEqual([[p.id, 2]]);
    expect((await call(app.handlers, 'contacts.get', { id: p.id })).revision).toBe(2);
  });

  it('refuses a save and a delete against an older revision with STALE naming who changed it; nothing is overwritten', async () => {
    const p = await call(app.handlers, 'contacts.create', person());
    const tabA = await call(app.handlers, 'contacts.get', { id: p.id });
    const tabB = await call(app.handlers, 'contacts.get', { id: p.id });
    await call(app.handlers, 'contacts.update', { id: p.id, revision: tabA.revision, contact: { ...tabA, city: 'Moers' } });

    const stale = await dispatch(app.handlers, 'contacts.update', { id: p.id, revision: tabB.revision, contact: { ...tabB, city: 'Wesel' } });
    expect(stale.ok ? null : stale.error).toMatchObject({
      code: 'STALE',
      message: 'Dieser Kontakt wurde inzwischen von test geändert (27.11.2026, 10:00 Uhr). Bitte laden Sie ihn neu; Ihre Änderungen sind nicht gespeichert.',
    });
    const refusedDelete = await dispatch(app.handlers, 'contacts.delete', { id: p.id, revision: tabB.revision });
    expect(refusedDelete.ok ? null : refusedDelete.error.code).toBe('STALE');
    expect(await call(app.handlers, 'contacts.get', { id: p.id })).toMatchObject({ city: 'Moers', revision: 2 });
    const { db, t } = app.engine;
    const audit = await db.select({ action: t.auditLog.action }).from(t.auditLog).orderBy(asc(t.auditLog.id));
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }]);
  });

  it('requires the revision on update and delete', async () => {
    const p = await call(app.handlers, 'contacts.create', person());
    for (const [method, input] of [
      ['contacts.update', { id: p.id, contact: person() }],
      ['contacts.delete', { id: p.id }],
    ] as const) {
      const result = await dispatch(app.handlers, method, input as never);
      expect(result.ok ? null : result.error.code).toBe('INVALID_INPUT');
    }
  });

  it('a partner link made from the other contact raises that contact’s revision too', async () => {
    const a = await call(app.handlers, 'contacts.create', person({ givenName: 'Maria', surname: 'Maier' }));
    await call(app.handlers, 'contacts.create', person({ givenName: 'Manfred', surname: 'Maier', gender: 'male', partnerId: a.id }));
    const stale = await dispatch(app.handlers, 'contacts.update', { id: a.id, revision: a.revision, contact: { ...a, partnerId: null } });
    expect(stale.ok ? null : stale.error.code).toBe('STALE');
  });
});
