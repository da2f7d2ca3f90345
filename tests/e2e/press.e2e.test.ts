import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../core/documents/docx-template';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

const TITLE = 'Hafenfest Ruhrort 2027: Das Programm steht';
const SUBTITLE = 'Drei Tage Musik, Schiffsparade und Feuerwerk am Eisenbahnhafen';
const BODY =
  'Das Hafenfest in Ruhrort findet vom 18. bis 20. Juni 2027 statt. Oberbürgermeisterin Dr. Petra Hovestadt eröffnet es am Freitagabend auf der Bühne am Eisenbahnhafen.\n\n' +
  'Zur Schiffsparade am Samstag werden mehr als vierzig Schiffe erwartet – vom Schubverband bis zum Museumsschiff „Oscar Huber“.\n\n' +
  'Das Feuerwerk beginnt am Sonntag um 22:30 Uhr über dem Vinckekanal.';

describe('press office in browser mode (Chromium)', () => {
  // The app's clock starts on Friday, 27 November 2026, 10:00 in Duisburg: the embargo lies ahead.
  const session = useBrowserSession('press', { serverArgs: ['--demo', '--now', '2026-11-27T10:00:00+01:00'], open: true });
  const dialog = () => session.page.getByRole('dialog');

  it('writes a press release with an embargo, takes it through the approval, refuses to publish before the embargo and exports it', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Presse' }).click();
    // The demo office has releases of its own.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Pressemitteilung' }).textContent()).toMatch(/\d+ Pressemitteilungen/);
    await page.getByRole('button', { name: 'Pressemitteilung schreiben …' }).click();

    await dialog().getByRole('textbox', { name: 'Titel', exact: true }).fill(TITLE);
    await dialog().getByRole('textbox', { name: 'Untertitel' }).fill(SUBTITLE);
    await dialog().getByRole('textbox', { name: 'Text', exact: true }).fill(BODY);
    await dialog().getByRole('textbox', { name: 'Pressekontakt' }).fill('Marlene Oberdiek, Pressestelle\nTelefon 0203 283-4410\npresse@stadt-duisburg.example.de');
    await dialog().getByLabel('Sperrfrist bis (Datum)').fill('2027-01-15');
    await dialog().getByLabel('Sperrfrist bis (Uhrzeit)').fill('10:00');
    await dialog().getByRole('button', { name: 'Pressemitteilung speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).count()).toBe(1);
    expect(await dialog().getByRole('group', { name: 'Stand' }).textContent()).toContain('Sperrfrist bis 15.01.2027, 10:00 Uhr');

    // Submit and approve: who approved it, and when.
    await dialog().getByRole('button', { name: 'Zur Freigabe vorlegen' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Zur Freigabe vorgelegt.' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Freigeben' }).click();
    await expect.poll(() => dialog().getByRole('group', { name: 'Stand' }).textContent()).toMatch(/freigegeben von .+ am 27\.11\.2026, 10:\d\d Uhr/);

    // Publishing before the embargo is refused, in German, naming the embargo.
    await dialog().getByRole('button', { name: 'Veröffentlichen' }).click();
    const refused = dialog().getByRole('alert').filter({ hasText: 'Nicht möglich' });
    await expect.poll(() => refused.textContent()).toContain('Die Sperrfrist läuft bis 15. Januar 2027, 10:00 Uhr; vorher darf die Pressemitteilung nicht veröffentlicht werden.');
    expect(await dialog().getByRole('group', { name: 'Stand' }).textContent()).toContain('freigegeben');

    // The HTML preview shows the title and the embargo.
    const preview = dialog().frameLocator('iframe[title="HTML-Vorschau"]');
    await expect.poll(() => preview.locator('h1').textContent()).toBe(TITLE);
    expect(await preview.locator('article').textContent()).toContain('Sperrfrist: 15. Januar 2027, 10:00 Uhr');
    await refused.scrollIntoViewIfNeeded();
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'pressemitteilung-sperrfrist.png') });
    await dialog().getByRole('region', { name: 'Export' }).scrollIntoViewIfNeeded();
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'pressemitteilung-export.png') });

    // Word: a .docx (a zip: "PK"), the embargo at the top.
    const word = page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Word' }).click();
    const wordFile = await word;
    expect(wordFile.suggestedFilename()).toBe('Pressemitteilung-Hafenfest-Ruhrort-2027-Das-Programm-steht.docx');
    const docxPath = path.join(ARTIFACTS, 'pressemitteilung.docx');
    await wordFile.saveAs(docxPath);
    const bytes = new Uint8Array(fs.readFileSync(docxPath));
    expect(Buffer.from(bytes.subarray(0, 2)).toString()).toBe('PK');
    const lines = documentText(bytes).body.split('\n');
    expect(lines.slice(1, 6)).toEqual([
      'Pressemitteilung',
      'Sperrfrist: 15. Januar 2027, 10:00 Uhr',
      'Bitte nicht vor Ablauf der Sperrfrist veröffentlichen.',
      'Duisburg, 27. November 2026',
      TITLE,
    ]);

    // HTML for the city portal.
    const html = page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'HTML' }).click();
    const htmlFile = await html;
    expect(htmlFile.suggestedFilename()).toMatch(/\.html$/);
    const htmlPath = path.join(ARTIFACTS, 'pressemitteilung.html');
    await htmlFile.saveAs(htmlPath);
    const markup = fs.readFileSync(htmlPath, 'utf8');
    expect(markup).toContain(`<h1>${TITLE}</h1>`);
    expect(markup).toContain('<p><strong>Sperrfrist: 15. Januar 2027, 10:00 Uhr</strong></p>');
    expect(markup).toContain('Museumsschiff „Oscar Huber“');
    expect(markup).not.toMatch(/style=/);

    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => dialog().count()).toBe(0);

    // The register: status and embargo badge; the full-text search finds a word form and marks it.
    const row = page.getByRole('table', { name: 'Pressemitteilungen' }).getByRole('row').filter({ hasText: TITLE });
    await expect.poll(() => row.textContent()).toContain('freigegeben');
    expect(await row.textContent()).toContain('Sperrfrist bis 15.01.2027, 10:00 Uhr');
    await page.getByRole('searchbox', { name: 'Volltextsuche in Titel und Text' }).fill('Schiffen');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Treffer' }).textContent()).toContain('1 Treffer für „Schiffen“');
    expect(await row.locator('mark').allTextContents()).toEqual(['Schiffsparade', 'Schiffe']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pressemitteilungen.png') });
    await page.getByRole('searchbox', { name: 'Volltextsuche in Titel und Text' }).fill('');
  });

  it('keeps media contacts and a distribution list, invites the list to an appointment and records an enquiry past its deadline', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Medienkontakte' }).click();
    for (const [search, option, type, topics] of [
      ['Kuhlmann', /Jens Kuhlmann/, 'Zeitung', 'Stadtpolitik, Hafen'],
      ['Radio Hafenstadt', /Radio Hafenstadt 98,4/, 'Radio', 'Kultur'],
    ] as const) {
      await page.getByRole('button', { name: 'Medienkontakt hinzufügen …' }).click();
      await dialog().getByRole('combobox', { name: /Kontakt/ }).pressSequentially(search);
      await page.getByRole('option', { name: option }).first().click();
      await dialog().getByLabel('Art des Mediums').fill(type);
      await dialog().getByLabel('Themen').fill(topics);
      await dialog().getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => dialog().count()).toBe(0);
    }
    const media = page.getByRole('table', { name: 'Medienkontakte' });
    // Both were media contacts of the demo office already: their details are updated.
    const kuhlmann = media.getByRole('row').filter({ hasText: 'Jens Kuhlmann' });
    await expect.poll(() => kuhlmann.textContent()).toContain('Hafen');
    expect(await kuhlmann.textContent()).toContain('Duisburger Tageblatt');
    await expect.poll(() => media.getByRole('row').filter({ hasText: 'Radio Hafenstadt 98,4' }).filter({ hasText: 'Kultur' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Verteiler anlegen …' }).click();
    await dialog().getByLabel('Name des Verteilers').fill('Lokalpresse Duisburg');
    await dialog().getByRole('checkbox', { name: /^Jens Kuhlmann/ }).check();
    await dialog().getByRole('checkbox', { name: /^Radio Hafenstadt/ }).check();
    await dialog().getByRole('button', { name: 'Verteiler speichern' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Verteiler' }).textContent()).toContain('Lokalpresse Duisburg');
    await expect.poll(() => media.textContent()).toContain('Lokalpresse Duisburg');
    await page.screenshot({ path: path.join(ARTIFACTS, 'medienkontakte.png') });

    // Press appointments: the next appointment gets the list; one response recorded.
    await page.getByRole('tab', { name: 'Pressetermine' }).click();
    const appointments = page.getByRole('table', { name: 'Termine der nächsten Wochen' });
    await expect.poll(() => appointments.getByRole('row').count()).toBeGreaterThan(1);
    await appointments.getByRole('row').nth(1).click();
    await dialog().getByLabel('Verteiler').selectOption({ label: 'Lokalpresse Duisburg (2 Empfänger)' });
    await dialog().getByRole('button', { name: 'Verteiler einladen' }).click();
    const invitees = dialog().getByRole('table', { name: 'Eingeladene Medien' });
    await expect.poll(() => invitees.getByRole('row').count()).toBe(3);
    await dialog().getByRole('combobox', { name: /Antwort von Jens Kuhlmann/ }).selectOption('zugesagt');
    await expect.poll(() => dialog().getByRole('status').textContent()).toContain('2 Einladungen, 1 zugesagt, 0 abgesagt');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'pressetermin-einladungen.png') });
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => appointments.getByRole('row').nth(1).textContent()).toContain('2 eingeladen');
    expect(await appointments.getByRole('row').nth(1).textContent()).toContain('1 Zusage');

    // An enquiry whose deadline passed this morning is overdue (red); one due tomorrow is not.
    await page.getByRole('tab', { name: 'Presseanfragen' }).click();
    // The demo office has enquiries of its own.
    const counted = page.getByRole('status').filter({ hasText: 'Presseanfragen' });
    await expect.poll(() => counted.textContent()).toMatch(/^\d+ Presseanfragen/);
    const before = Number(/^(\d+)/.exec((await counted.textContent())!)![1]);
    for (const [outlet, topic, deadline] of [
      ['Niederrhein-Kurier', 'Sperrung der Friedrich-Wilhelm-Straße', ['2026-11-27', '09:00']],
      ['Ruhrwelle TV', 'Drehgenehmigung Rathaus', ['2026-11-28', '12:00']],
    ] as const) {
      await page.getByRole('button', { name: 'Anfrage erfassen …' }).click();
      await dialog().getByLabel('Medium').fill(outlet);
      await dialog().getByLabel('Eingang (Datum)').fill('2026-11-26');
      await dialog().getByLabel('Eingang (Uhrzeit)').fill('15:30');
      await dialog().getByLabel('Thema').fill(topic);
      await dialog().getByLabel('Frist (Datum)').fill(deadline[0]);
      await dialog().getByLabel('Frist (Uhrzeit)').fill(deadline[1]);
      await dialog().getByRole('button', { name: 'Anfrage speichern' }).click();
      await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).count()).toBe(1);
      await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    }
    const enquiries = page.getByRole('table', { name: 'Presseanfragen' });
    const closure = enquiries.getByRole('row').filter({ hasText: 'Sperrung der Friedrich-Wilhelm-Straße' });
    await expect.poll(() => enquiries.getByRole('row').count()).toBe(before + 3);
    expect(await closure.textContent()).toContain('überfällig');
    expect(await enquiries.getByRole('row').filter({ hasText: 'Drehgenehmigung Rathaus' }).textContent()).not.toContain('überfällig');
    await page.screenshot({ path: path.join(ARTIFACTS, 'presseanfragen.png') });

    // Answered, it is no longer overdue.
    const overdue = () => counted.textContent().then((t) => Number(/davon (\d+) überfällig/.exec(t ?? '')?.[1] ?? 0));
    const overdueBefore = await overdue();
    expect(overdueBefore).toBeGreaterThan(0);
    await closure.click();
    await dialog().getByLabel('Antwort an die Redaktion').fill('Die Sperrung endet am 4. Dezember 2026.');
    await dialog().getByRole('button', { name: 'Als beantwortet speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Antwort gespeichert.' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(overdue).toBe(overdueBefore - 1);
    expect(await counted.textContent()).toMatch(new RegExp(`^${before + 2} Presseanfragen`));
  });
});
