/**
 * `npm run render-samples`: one letter of each template kind, generated through the API on a
 * temporary demo office and converted to PDF with LibreOffice (Debian: libreoffice-writer),
 * so a person can look at the pages. Output: test-artifacts/samples/. Not part of npm test.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, type LetterDraft } from '../core/api';
import { openApp } from '../core/app/open-app';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test-artifacts', 'samples');

const FIELDS: Record<string, LetterDraft['fields']> = {
  geburtstag: { alter: 90, anlassDatum: '2026-12-03' },
  ehejubilaeum: { ehejahre: 65, anlassDatum: '2026-12-12' },
  vereinsjubilaeum: { anlass: '100-jährige Vereinsjubiläum', alter: 100, anlassDatum: '2027-03-14' },
  kondolenz: { verstorbenePerson: 'Heinrich Beispiel' },
  nachruf: { verstorbenePerson: 'Heinrich Beispiel' },
  feiertagsgruss: { anlass: 'Ramadanfest', anlassDatum: '2027-03-10' },
  'partnerstadt-de': { partnerstadt: 'Vilnius', anlass: 'Unabhängigkeitstag', anlassDatum: '2027-02-16' },
  'partnerstadt-en': { partnerstadt: 'Portsmouth', anlass: "St George's Day", anlassDatum: '2027-04-23' },
  'partnerstadt-fr': { partnerstadt: 'Calais', anlass: 'la fête nationale', anlassDatum: '2027-07-14' },
  dankschreiben: { anlass: 'Engagement beim Stadtfest' },
  zusage: { anlass: 'Jahresempfang', anlassDatum: '2027-01-20' },
  absage: { anlass: 'Sommerfest', anlassDatum: '2027-06-20' },
  buergeranliegen: { anlassDatum: '2026-11-12' },
  eingangsbestaetigung: { anlassDatum: '2026-11-23' },
  'schirmherrschaft-zusage': { anlass: 'Duisburger Kinder- und Jugendsporttag', anlassDatum: '2027-06-12' },
  'schirmherrschaft-absage': { anlass: 'Frühjahrsmesse am Innenhafen', anlassDatum: '2027-04-17' },
};

/** A demo contact that fits the template (found by a search of the demo office). */
const RECIPIENT_FILTER: Record<string, { roleKey?: string; kind?: 'organisation'; query?: string; tag?: string }> = {
  'partnerstadt-en': { roleKey: 'lord_mayor' },
  'partnerstadt-fr': { roleKey: 'maire' },
  'partnerstadt-de': { roleKey: 'oberbuergermeister' },
  vereinsjubilaeum: { kind: 'organisation', query: 'e. V.' },
  feiertagsgruss: { roleKey: 'imam' },
  weihnachtsgruss: { roleKey: 'generalkonsul' },
  zusage: { roleKey: 'vorsitz_verein' },
  absage: { roleKey: 'geschaeftsfuehrung' },
  dankschreiben: { roleKey: 'pfarrer' },
  'schirmherrschaft-zusage': { kind: 'organisation', query: 'e. V.' },
  'schirmherrschaft-absage': { kind: 'organisation' },
};

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathausbuero-samples-'));
  const app = openApp({
    dataDir,
    migrationsFolder: path.join(root, 'db', 'migrations'),
    templatesDir: path.join(root, 'templates'),
    appVersion: 'samples',
    user: 'samples',
  });
  try {
    await call(app.handlers, 'demo.load', {});
    const signers = await call(app.handlers, 'signers.list', {});
    const people = await call(app.handlers, 'contacts.list', { kind: 'person', query: 'Duisburg' });
    const fallback = people.items.find((p) => p.roleLabel === '') ?? people.items[0];
    fs.mkdirSync(out, { recursive: true });
    for (const template of await call(app.handlers, 'templates.list', {})) {
      const filter = RECIPIENT_FILTER[template.id];
      const found = filter ? (await call(app.handlers, 'contacts.list', filter)).items[0] : undefined;
      const recipient = found ?? fallback;
      const letter = await call(app.handlers, 'letters.create', {
        templateId: template.id,
        recipient: { type: 'contact', contactId: recipient.id, includePartner: template.kind === 'ehejubilaeum' },
        signerId: template.id === 'absage' ? signers[1].id : signers[0].id,
        date: '2026-11-27',
        fields: FIELDS[template.id] ?? {},
      });
      const target = path.join(out, `${template.id}.docx`);
      fs.copyFileSync(path.join(dataDir, letter.file), target);
      console.log(`${template.id.padEnd(18)} → ${path.relative(root, target)} (an ${letter.recipientName})`);
    }
  } finally {
    app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const files = fs.readdirSync(out).filter((f) => f.endsWith('.docx')).map((f) => path.join(out, f));
  const result = spawnSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, ...files], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    console.error('LibreOffice fehlt oder ist fehlgeschlagen (Debian: apt-get install -y libreoffice-writer). Die .docx-Dateien liegen in', out);
    process.exitCode = 1;
    return;
  }
  console.log(`PDF-Dateien in ${path.relative(root, out)}/`);
}

void main();
