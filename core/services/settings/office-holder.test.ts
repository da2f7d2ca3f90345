/**
 * The office in its holder's form (DOMAIN.md D): letterhead, return address, footers and report
 * titles say "Die Oberbürgermeisterin" when a woman holds the office — the first active signer
 * who signs for nobody — and "Der Oberbürgermeister" when a man does, whichever form the office
 * settings were written in. A deputy signing changes nothing; the stored settings stay as written.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, type LetterDraft } from '../../api';
import { documentText } from '../../documents/docx-template';
import { createTempApp } from '../../../tests/support/temp-app';

let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp();
});
afterEach(() => app.cleanup());

const signer = (name: string, gender: 'female' | 'male', office: string, deputy: boolean, sortOrder: number) =>
  call(app.handlers, 'signers.save', { name, gender, office, deputy, sortOrder });

async function letterText(signerId: number) {
  const contact = await call(app.handlers, 'contacts.create', {
    kind: 'person',
    gender: 'female',
    givenName: 'Erna',
    surname: 'Groß-Müller',
    street: 'Königstraße',
    houseNumber: '5',
    postcode: '47051',
    city: 'Duisburg',
  });
  const draft: LetterDraft = {
    templateId: 'geburtstag',
    recipient: { type: 'contact', contactId: contact.id, includePartner: false },
    signerId,
    date: '2026-11-27',
    fields: { alter: 90, anlassDatum: '2026-12-03' },
  };
  const preview = await call(app.handlers, 'letters.preview', draft);
  return documentText(new Uint8Array(Buffer.from(preview.contentBase64, 'base64')));
}

describe('the office in its holder’s form', () => {
  it('writes letterhead, return address and following-page header as "Die Oberbürgermeisterin" for a woman, also when a deputy signs', async () => {
    const head = await signer('Dr. Petra Hovestadt', 'female', 'Oberbürgermeisterin', false, 0);
    const deputy = await signer('Volker Sandmann', 'male', 'Bürgermeister', true, 1);
    expect(await call(app.handlers, 'settings.officeHolder', {})).toEqual({
      signerId: head.id,
      name: 'Dr. Petra Hovestadt',
      form: 'female',
      title: { nominative: 'Die Oberbürgermeisterin', genitive: 'der Oberbürgermeisterin', dative: 'der Oberbürgermeisterin', accusative: 'die Oberbürgermeisterin' },
    });
    for (const id of [head.id, deputy.id]) {
      const text = await letterText(id);
      expect(text.body).toContain('Stadt Duisburg · Die Oberbürgermeisterin · 47049 Duisburg');
      expect(text.headers.join('\n')).toContain('Stadt Duisburg\nDie Oberbürgermeisterin\nAmt für Kommunikation');
      expect(text.headers.join('\n')).toContain('Stadt Duisburg · Die Oberbürgermeisterin');
      expect(`${text.body}${text.headers.join('')}`).not.toContain('Der Oberbürgermeister');
    }
    // The settings keep what staff wrote.
    expect((await call(app.handlers, 'settings.office.get', {})).dienststelle).toBe('Der Oberbürgermeister');
  });

  it('follows a change of the holder: a man, also when the settings were written for a woman', async () => {
    const office = await call(app.handlers, 'settings.office.get', {});
    await call(app.handlers, 'settings.office.update', {
      ...office,
      dienststelle: 'Die Oberbürgermeisterin',
      amt: 'Büro der Oberbürgermeisterin',
      absenderzeile: 'Stadt Duisburg · Die Oberbürgermeisterin · 47049 Duisburg',
    });
    const former = await signer('Dr. Petra Hovestadt', 'female', 'Oberbürgermeisterin', false, 0);
    await call(app.handlers, 'signers.save', { ...former, active: false });
    const head = await signer('Sören Link', 'male', 'Oberbürgermeister', false, 1);
    expect((await call(app.handlers, 'settings.officeHolder', {})).form).toBe('male');
    const text = await letterText(head.id);
    expect(text.body).toContain('Stadt Duisburg · Der Oberbürgermeister · 47049 Duisburg');
    expect(text.headers.join('\n')).toContain('Stadt Duisburg\nDer Oberbürgermeister\nBüro des Oberbürgermeisters');
    expect(`${text.body}${text.headers.join('')}`).not.toContain('Oberbürgermeisterin');
  });

  it('titles reports and describes templates in the holder’s form', async () => {
    await signer('Dr. Petra Hovestadt', 'female', 'Oberbürgermeisterin', false, 0);
    const file = await call(app.handlers, 'requests.stats.export', { from: '2026-01-01', to: '2026-12-31' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('Übersicht')!.getCell('A1').value).toBe('Bürgeranliegen an die Oberbürgermeisterin – Statistik');

    const jubilees = await call(app.handlers, 'jubilees.export', { from: '2026-12-01', to: '2026-12-31', target: 'district', format: 'docx' });
    const list = documentText(new Uint8Array(Buffer.from(jubilees.contentBase64, 'base64')));
    expect(`${list.body}\n${list.headers.join('\n')}\n${list.footers.join('\n')}`).toContain('Stadt Duisburg · Die Oberbürgermeisterin');

    const templates = await call(app.handlers, 'templates.list', {});
    expect(templates.find((t) => t.id === 'geburtstag')?.description).toMatch(/^Glückwunschschreiben der Oberbürgermeisterin zu einem Altersjubiläum/);
  });

  it('keeps the wording as written when nobody holds the office yet, and names both forms in report titles', async () => {
    await signer('Volker Sandmann', 'male', 'Bürgermeister', true, 1);
    expect((await call(app.handlers, 'settings.officeHolder', {})).form).toBeNull();
    const file = await call(app.handlers, 'requests.stats.export', { from: '2026-01-01', to: '2026-12-31' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('Übersicht')!.getCell('A1').value).toBe('Bürgeranliegen an die Oberbürgermeisterin bzw. den Oberbürgermeister – Statistik');
  });
});
