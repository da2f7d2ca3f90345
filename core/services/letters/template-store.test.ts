/**
 * The template store through the API: shipped templates, the staff's copies in
 * <data folder>/Vorlagen (copy for editing, import with check, broken copies, reset) and
 * changed copies picked up without a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch, type LetterDraft } from '../../api';
import type { TemplateInfo } from '../../api/schemas/letters';
import { templateManifestSchema } from '../../api/schemas/letters';
import { documentText } from '../../documents/docx-template';
import { createTempApp, openOtherOfficePc, openTempApp, TEMPLATES_DIR } from '../../../tests/support/temp-app';

const manifest = templateManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, 'manifest.json'), 'utf8'))).templates;
const shippedBytes = (id: string) => new Uint8Array(fs.readFileSync(path.join(TEMPLATES_DIR, `${id}.docx`)));

/** A copy of a shipped template with `from` replaced by `to` in word/document.xml. */
function modified(id: string, from: string, to: string): Uint8Array {
  const files = unzipSync(shippedBytes(id));
  const xml = strFromU8(files['word/document.xml']);
  expect(xml, `${id}: "${from}" in word/document.xml`).toContain(from);
  files['word/document.xml'] = strToU8(xml.replaceAll(from, to));
  return zipSync(files);
}
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The label "Ansprechpartner/in" of the information block, changed (with umlauts) in the staff's copy. */
const LABEL = '>Ansprechpartner/in<';
const CHANGED_LABEL = '>Persönliche Ansprechpartnerin für Grüße<';
const CHANGED_TEXT = 'Persönliche Ansprechpartnerin für Grüße';

let app: ReturnType<typeof createTempApp>;
let userDir: string;
let erna: number;
let signerId: number;
beforeEach(async () => {
  app = createTempApp();
  userDir = path.join(app.dataDir, 'Vorlagen');
  await call(app.handlers, 'demo.load', {});
  signerId = (await call(app.handlers, 'signers.list', {})).find((s) => !s.deputy)!.id;
  erna = (
    await call(app.handlers, 'contacts.create', {
      kind: 'person',
      gender: 'female',
      givenName: 'Erna',
      surname: 'Groß-Müller',
      street: 'Königstraße',
      houseNumber: '5',
      postcode: '47051',
      city: 'Duisburg',
    })
  ).id;
});
afterEach(() => app.cleanup());

const birthday = (): LetterDraft => ({
  templateId: 'geburtstag',
  recipient: { type: 'contact', contactId: erna, includePartner: false },
  signerId,
  date: '2026-11-27',
  fields: { alter: 90, anlassDatum: '2026-12-03' },
});
const letterBody = async (): Promise<string> => {
  const letter = await call(app.handlers, 'letters.create', birthday());
  return documentText(new Uint8Array(fs.readFileSync(path.join(app.dataDir, letter.file)))).body;
};
const info = async (id: string): Promise<TemplateInfo> => {
  const found = (await call(app.handlers, 'templates.list', {})).find((t) => t.id === id);
  expect(found, id).toBeDefined();
  return found!;
};
const userFile = (id: string) => path.join(userDir, `${id}.docx`);

describe('templates.list', () => {
  it('lists every manifest template as shipped, without problems', async () => {
    const list = await call(app.handlers, 'templates.list', {});
    expect(list.map((t) => t.id)).toEqual(manifest.map((t) => t.id));
    for (const t of list) {
      expect(t, t.id).toMatchObject({ source: 'shipped', problems: [], userFile: null });
      expect(t.placeholders, t.id).toEqual(expect.arrayContaining(['betreff', 'brieftext', 'unterzeichner_name']));
    }
  });
});

describe('the staff’s copies', () => {
  it('copies a template for editing into <data folder>/Vorlagen and then uses the copy', async () => {
    const result = await call(app.handlers, 'templates.copyForEditing', { id: 'geburtstag' });
    expect(result).toEqual({ file: userFile('geburtstag'), opened: false });
    expect(new Uint8Array(fs.readFileSync(result.file))).toEqual(shippedBytes('geburtstag'));
    expect(await info('geburtstag')).toMatchObject({ source: 'user', problems: [], userFile: userFile('geburtstag') });
    // Others stay shipped.
    expect((await info('kondolenz')).source).toBe('shipped');
  });

  it('keeps an existing copy when asked to copy for editing again', async () => {
    await call(app.handlers, 'templates.import', { id: 'geburtstag', fileName: 'geburtstag.docx', contentBase64: base64(modified('geburtstag', LABEL, CHANGED_LABEL)) });
    await call(app.handlers, 'templates.copyForEditing', { id: 'geburtstag' });
    expect(await letterBody()).toContain(CHANGED_TEXT);
  });

  it('reports a copy that is not a Word file, naming the template, and writes letters from the shipped one', async () => {
    fs.mkdirSync(userDir, { recursive: true });
    fs.writeFileSync(userFile('geburtstag'), 'das ist kein Word-Dokument');
    const t = await info('geburtstag');
    expect(t.source).toBe('shipped');
    expect(t.userFile).toBe(userFile('geburtstag'));
    expect(t.problems.length).toBeGreaterThan(0);
    expect(t.problems[0]).toContain('„Glückwunsch zum Geburtstag (eigene Fassung)“');
    expect(t.problems[0]).toContain('keine Word-Datei');
    expect(t.problems.join(' ')).toContain('mitgelieferte Vorlage verwendet');

    const body = await letterBody();
    expect(body).toContain('Sehr geehrte Frau Groß-Müller,');
    expect(body).toContain('Ansprechpartner/in');
    expect(body).not.toContain('{{');
  });

  it('reports a copy with an unknown placeholder and uses the shipped template meanwhile', async () => {
    fs.mkdirSync(userDir, { recursive: true });
    fs.writeFileSync(userFile('geburtstag'), modified('geburtstag', '{{anrede}}', '{{anrde}}'));
    const t = await info('geburtstag');
    expect(t.source).toBe('shipped');
    expect(t.problems.join(' ')).toContain('{{anrde}}');
    expect(await letterBody()).toContain('Sehr geehrte Frau Groß-Müller,');
  });

  it('refuses to import garbage and writes nothing', async () => {
    const result = await dispatch(app.handlers, 'templates.import', {
      id: 'geburtstag',
      fileName: 'Geburtstag neu.docx',
      contentBase64: base64(strToU8('kein Zip, kein Word')),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('TEMPLATE_INVALID');
      expect(result.error.message).toContain('„Geburtstag neu.docx“ wurde nicht übernommen');
      expect(result.error.message).toContain('keine Word-Datei');
    }
    expect(fs.existsSync(userFile('geburtstag'))).toBe(false);
    expect((await info('geburtstag')).source).toBe('shipped');
  });

  it('refuses to import a template with an unknown placeholder, naming it, and writes nothing', async () => {
    const result = await dispatch(app.handlers, 'templates.import', {
      id: 'geburtstag',
      fileName: 'geburtstag.docx',
      contentBase64: base64(modified('geburtstag', '{{anrede}}', '{{anrde}}')),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('TEMPLATE_INVALID');
      expect(result.error.message).toContain('{{anrde}}');
      expect(result.error.message).toContain('Glückwunsch zum Geburtstag');
    }
    expect(fs.existsSync(userFile('geburtstag'))).toBe(false);
    const left = fs.existsSync(userDir) ? fs.readdirSync(userDir) : [];
    expect(left).toEqual([]);
  });

  it('imports a sound copy, uses it for the next letter, and resets to the shipped template', async () => {
    const bytes = modified('geburtstag', LABEL, CHANGED_LABEL);
    const imported = await call(app.handlers, 'templates.import', { id: 'geburtstag', fileName: 'Meine Vorlage.docx', contentBase64: base64(bytes) });
    expect(imported).toMatchObject({ id: 'geburtstag', source: 'user', problems: [], userFile: userFile('geburtstag') });
    expect(new Uint8Array(fs.readFileSync(userFile('geburtstag')))).toEqual(bytes);
    const served = await call(app.handlers, 'templates.file', { id: 'geburtstag' });
    expect(served.fileName).toBe('geburtstag.docx');
    expect(new Uint8Array(Buffer.from(served.contentBase64, 'base64'))).toEqual(bytes);

    const body = await letterBody();
    expect(body).toContain(CHANGED_TEXT);
    expect(body).not.toContain('Ansprechpartner/in');
    expect(body).toContain('Frau Erna Groß-Müller\nKönigstraße 5\n47051 Duisburg');

    const reset = await call(app.handlers, 'templates.resetToShipped', { id: 'geburtstag' });
    expect(reset).toMatchObject({ source: 'shipped', problems: [], userFile: null });
    expect(fs.existsSync(userFile('geburtstag'))).toBe(false);
    const after = await letterBody();
    expect(after).toContain('Ansprechpartner/in');
    expect(after).not.toContain(CHANGED_TEXT);
  });

  it('accepts the shipped bytes as an import', async () => {
    const imported = await call(app.handlers, 'templates.import', { id: 'kondolenz', fileName: 'kondolenz.docx', contentBase64: base64(shippedBytes('kondolenz')) });
    expect(imported).toMatchObject({ source: 'user', problems: [] });
    expect(fs.existsSync(userFile('kondolenz'))).toBe(true);
  });

  it('picks up a copy changed on disk with the next letter, without restart', async () => {
    await call(app.handlers, 'templates.copyForEditing', { id: 'geburtstag' });
    expect(await letterBody()).toContain('Ansprechpartner/in'); // compiled and cached now

    // Word saves the file: new content, newer modification time.
    fs.writeFileSync(userFile('geburtstag'), modified('geburtstag', LABEL, CHANGED_LABEL));
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(userFile('geburtstag'), later, later);
    expect(await letterBody()).toContain(CHANGED_TEXT);

    // And back again.
    fs.writeFileSync(userFile('geburtstag'), shippedBytes('geburtstag'));
    const evenLater = new Date(Date.now() + 120_000);
    fs.utimesSync(userFile('geburtstag'), evenLater, evenLater);
    const body = await letterBody();
    expect(body).toContain('Ansprechpartner/in');
    expect(body).not.toContain(CHANGED_TEXT);
  });

  it('refuses unknown template ids', async () => {
    const result = await dispatch(app.handlers, 'templates.copyForEditing', { id: 'gibt-es-nicht' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('NOT_FOUND');
  });
});

describe('the staff’s copies in office mode', () => {
  it('are stored in the office database: imported on one PC, used and reset on another', async () => {
    const office = await openTempApp('postgres', { label: 'template_copies' });
    const other = await openOtherOfficePc(office.url!);
    try {
      await call(office.handlers, 'demo.load', {});
      const bytes = modified('geburtstag', LABEL, CHANGED_LABEL);
      const imported = await call(office.handlers, 'templates.import', { id: 'geburtstag', fileName: 'Meine Vorlage.docx', contentBase64: base64(bytes) });
      expect(imported).toMatchObject({ source: 'user', problems: [] });
      expect(fs.existsSync(path.join(office.dataDir, 'Vorlagen'))).toBe(false);

      const seen = (await call(other.handlers, 'templates.list', {})).find((t) => t.id === 'geburtstag');
      expect(seen).toMatchObject({ source: 'user', problems: [] });
      const served = await call(other.handlers, 'templates.file', { id: 'geburtstag' });
      expect(new Uint8Array(Buffer.from(served.contentBase64, 'base64'))).toEqual(bytes);
      const contact = await call(other.handlers, 'contacts.create', { kind: 'person', gender: 'female', givenName: 'Erna', surname: 'Groß-Müller', street: 'Königstraße', houseNumber: '5', postcode: '47051', city: 'Duisburg' });
      const mayor = (await call(other.handlers, 'signers.list', {})).find((s) => !s.deputy)!.id;
      const draft = { ...birthday(), recipient: { type: 'contact' as const, contactId: contact.id, includePartner: false }, signerId: mayor };
      const letter = await call(other.handlers, 'letters.create', draft);
      expect(documentText((await other.files.get(letter.file))!).body).toContain(CHANGED_TEXT);

      await call(other.handlers, 'templates.resetToShipped', { id: 'geburtstag' });
      expect((await call(office.handlers, 'templates.list', {})).find((t) => t.id === 'geburtstag')).toMatchObject({ source: 'shipped', userFile: null });
    } finally {
      await other.close();
      await office.cleanup();
    }
  });

  /** The template as listed on `pc`: its source and this PC's working copy. */
  const listed = async (pc: { handlers: Parameters<typeof call>[0] }) => (await call(pc.handlers, 'templates.list', {})).find((t) => t.id === 'geburtstag')!;
  /** What Word does on „Speichern“: the whole file written anew. */
  const saveInWord = (file: string, bytes: Uint8Array) => fs.writeFileSync(file, bytes);

  it('„In Word bearbeiten“ writes a working copy on this PC and stores each save from Word in the office database', async () => {
    const office = await openTempApp('postgres', { label: 'template_word' });
    const other = await openOtherOfficePc(office.url!);
    try {
      const { file } = await call(office.handlers, 'templates.copyForEditing', { id: 'geburtstag' });
      expect(file.startsWith(office.dataDir)).toBe(true);
      expect(new Uint8Array(fs.readFileSync(file))).toEqual(shippedBytes('geburtstag'));
      expect((await listed(office)).editing).toMatchObject({ file, state: 'watching' });
      // Nothing is stored until Word saves.
      expect((await listed(other)).source).toBe('shipped');

      const bytes = modified('geburtstag', LABEL, CHANGED_LABEL);
      saveInWord(file, bytes);
      await expect.poll(async () => (await listed(office)).editing?.state, { timeout: 15_000 }).toBe('saved');
      expect((await listed(office)).editing!.message).toMatch(/^Gespeichert in der Bürodatenbank \(\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr\)\.$/);
      const served = await call(other.handlers, 'templates.file', { id: 'geburtstag' });
      expect(new Uint8Array(Buffer.from(served.contentBase64, 'base64'))).toEqual(bytes);
      expect(await listed(other)).toMatchObject({ source: 'user', editing: null });
    } finally {
      await other.close();
      await office.cleanup();
    }
  });

  it('a save from Word after another PC changed the copy is refused as STALE naming who; the working copy is kept aside when opened again', async () => {
    const office = await openTempApp('postgres', { label: 'template_stale' });
    const other = await openOtherOfficePc(office.url!, { user: 'schmidt' });
    try {
      const { file } = await call(office.handlers, 'templates.copyForEditing', { id: 'geburtstag' });
      const theirs = modified('geburtstag', LABEL, '>Ansprechpartnerin im Büro<');
      await call(other.handlers, 'templates.import', { id: 'geburtstag', fileName: 'Vorlage Schmidt.docx', contentBase64: base64(theirs) });

      const mine = modified('geburtstag', LABEL, CHANGED_LABEL);
      saveInWord(file, mine);
      await expect.poll(async () => (await listed(office)).editing?.state, { timeout: 15_000 }).toBe('refused');
      const { message } = (await listed(office)).editing!;
      expect(message).toContain('von schmidt');
      expect(message).toContain('nicht übernommen');
      // Nothing overwritten: the office keeps the other PC's copy; mine stays on this PC.
      const served = await call(office.handlers, 'templates.file', { id: 'geburtstag' });
      expect(new Uint8Array(Buffer.from(served.contentBase64, 'base64'))).toEqual(theirs);
      expect(new Uint8Array(fs.readFileSync(file))).toEqual(mine);

      // Opened again: the office's current copy to work on, and mine kept aside beside it.
      await call(office.handlers, 'templates.copyForEditing', { id: 'geburtstag' });
      expect(new Uint8Array(fs.readFileSync(file))).toEqual(theirs);
      const aside = fs.readdirSync(path.dirname(file)).filter((name) => name.includes('nicht übernommen'));
      expect(aside).toHaveLength(1);
      expect(new Uint8Array(fs.readFileSync(path.join(path.dirname(file), aside[0]!)))).toEqual(mine);
    } finally {
      await other.close();
      await office.cleanup();
    }
  });

  it('a save from Word with an unknown placeholder is not stored; the list says why', async () => {
    const office = await openTempApp('postgres', { label: 'template_broken' });
    try {
      const { file } = await call(office.handlers, 'templates.copyForEditing', { id: 'geburtstag' });
      saveInWord(file, modified('geburtstag', '{{anrede}}', '{{anrde}}'));
      await expect.poll(async () => (await listed(office)).editing?.state, { timeout: 15_000 }).toBe('refused');
      expect((await listed(office)).editing!.message).toContain('{{anrde}}');
      expect((await listed(office)).source).toBe('shipped');
    } finally {
      await office.cleanup();
    }
  });
});
