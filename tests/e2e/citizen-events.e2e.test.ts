import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentText } from '../../core/documents/docx-template';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

const WALK = 'Unterwegs in Hochfeld';

describe("citizens' talks and walks, civic engagement in browser mode (Chromium)", () => {
  const session = useBrowserSession('citizen-events', { serverArgs: ['--demo'], open: true });
  const dialog = () => session.page.getByRole('dialog');

  it('records a walk with two stops, registers two citizens with their topics and downloads the briefing', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Bürgergespräche' }).click();
    // The demo office has events of its own.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Veranstaltung' }).textContent()).toMatch(/\d+ Veranstaltungen/);
    await page.getByRole('button', { name: 'Veranstaltung anlegen …' }).click();

    await dialog().getByRole('radio', { name: 'Bürgerspaziergang' }).check();
    await dialog().getByRole('textbox', { name: 'Titel' }).fill(WALK);
    await dialog().getByRole('textbox', { name: 'Beginn', exact: true }).fill('04.03.2027');
    await dialog().getByRole('textbox', { name: 'Beginn Uhrzeit' }).fill('18:00');
    // The end is proposed two hours later.
    await expect.poll(() => dialog().getByRole('textbox', { name: 'Ende Uhrzeit' }).inputValue()).toBe('20:00');
    expect(await dialog().getByRole('textbox', { name: 'Ende', exact: true }).inputValue()).toBe('04.03.2027');
    await dialog().getByLabel('Plätze').fill('25');
    await dialog().getByRole('combobox', { name: 'Stadtbezirk' }).fill('Mitte');
    await dialog().getByRole('combobox', { name: 'Stadtbezirk' }).press('Tab');
    await dialog().getByLabel('Treffpunkt').fill('Vorplatz der Pauluskirche, Hochfeld');

    await dialog().getByRole('button', { name: 'Halt hinzufügen' }).click();
    await dialog().getByRole('button', { name: 'Halt hinzufügen' }).click();
    await dialog().getByLabel('Halt 1: Uhrzeit').fill('18:15');
    await dialog().getByLabel('Halt 1: Ort').fill('Spielplatz Brückenstraße');
    await dialog().getByLabel('Halt 1: Worum es dort geht').fill('neue Spielgeräte, Beleuchtung');
    await dialog().getByLabel('Halt 2: Uhrzeit').fill('19:00');
    await dialog().getByLabel('Halt 2: Ort').fill('Rheinpark, Eingang Wörthstraße');
    await dialog().getByLabel('Halt 2: Worum es dort geht').fill('Sauberkeit am Wochenende');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'buergerspaziergang-erfassen.png') });
    await dialog().getByRole('button', { name: 'Veranstaltung speichern' }).click();
    const savedStatus = dialog().getByRole('status').filter({ hasText: 'gespeichert' });
    await expect.poll(() => savedStatus.count()).toBe(1);
    const saved = (await savedStatus.textContent())!;
    expect(await dialog().getByRole('heading', { level: 2 }).first().textContent()).toBe(`Bürgerspaziergang: ${WALK}`);

    const register = dialog().getByRole('form', { name: 'Anmeldung hinzufügen' });
    const people = [
      { given: 'Marlene', surname: 'Quadflieg', street: 'Brückenstraße', no: '12', topic: 'Beleuchtung am Spielplatz' },
      { given: 'Oskar', surname: 'Wengenroth', street: 'Wörthstraße', no: '3', topic: 'Müll im Rheinpark' },
    ];
    for (const [i, p] of people.entries()) {
      await register.getByLabel('Vorname').fill(p.given);
      await register.getByLabel('Nachname').fill(p.surname);
      await register.getByLabel('Straße').fill(p.street);
      await register.getByLabel('Hausnummer').fill(p.no);
      await register.getByLabel('PLZ').fill('47053');
      await register.getByLabel('Thema, das die Person ansprechen möchte').fill(p.topic);
      await register.getByRole('button', { name: 'Anmelden' }).click();
      await expect.poll(() => dialog().getByRole('table', { name: 'Angemeldete Personen' }).getByRole('row').count()).toBe(i + 2);
      // The form is empty again for the next person.
      expect(await register.getByLabel('Nachname').inputValue()).toBe('');
    }
    const registered = dialog().getByRole('table', { name: 'Angemeldete Personen' });
    expect(await registered.textContent()).toContain('Marlene Quadflieg');
    expect(await registered.textContent()).toContain('Müll im Rheinpark');
    expect(await dialog().getByRole('status', { name: 'Belegung' }).textContent()).toBe('2 von 25 Plätzen');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'buergerspaziergang-anmeldungen.png') });

    await dialog().getByRole('region', { name: 'Dokumente' }).screenshot({ path: path.join(ARTIFACTS, 'buergerspaziergang-dokumente.png') });
    const download = page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Briefing' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Unterlage-Unterwegs-in-Hochfeld-2027-03-04.docx');
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    fs.writeFileSync(path.join(ARTIFACTS, 'buergerspaziergang-briefing.docx'), bytes);
    const body = documentText(new Uint8Array(bytes)).body;
    expect(body).toContain('Unterlage für Dr. Petra Hovestadt, Oberbürgermeisterin');
    expect(body).toContain('18:15 Uhr\nSpielplatz Brückenstraße\nneue Spielgeräte, Beleuchtung\n19:00 Uhr\nRheinpark, Eingang Wörthstraße');
    expect(body).toContain('Angemeldet (2)');
    expect(body).toContain('Marlene Quadflieg\nBrückenstraße 12\nBeleuchtung am Spielplatz');
    expect(body).toContain('Oskar Wengenroth\nWörthstraße 3\nMüll im Rheinpark');
    expect(body).toContain('Offene Anliegen aus dem Stadtbezirk Mitte');

    // One person cancels: the place is free again.
    await dialog().getByRole('button', { name: 'Oskar Wengenroth abmelden' }).click();
    await expect.poll(() => dialog().getByRole('status', { name: 'Belegung' }).textContent()).toBe('1 von 25 Plätzen');

    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => dialog().count()).toBe(0);
    const row = page.getByRole('table', { name: 'Bürgergespräche' }).getByRole('row').filter({ hasText: WALK });
    await expect.poll(() => row.textContent()).toContain('1 von 25 Plätzen');
    expect(await row.textContent()).toContain('Treffpunkt: Vorplatz der Pauluskirche, Hochfeld · 2 Halte');
    expect(await row.textContent()).toContain('04.03.2027, 18:00–20:00 Uhr');
    await page.screenshot({ path: path.join(ARTIFACTS, 'buergergespraeche.png') });

    // A concern raised on the walk, recorded as a request of it (as the requests page does).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const eventId = Number(/Veranstaltung Nr\. (\d+)/.exec(saved)![1]);
    const status = await page.evaluate(`fetch('/api/requests.save', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rathaus-token': sessionStorage.getItem('rathaus-token') },
      body: JSON.stringify({ kind: 'beschwerde', channel: 'buergerspaziergang', subject: 'Laterne am Spielplatz defekt', district: 'Mitte', place: 'Spielplatz Brückenstraße', receivedOn: '${today}', eventId: ${eventId} }),
    }).then(async (r) => (r.status === 200 ? 200 : await r.text()))`);
    // (A walk in the future: the concern is dated today, as a request cannot arrive later than now.)
    expect(status).toBe(200);
    await page.getByRole('tab', { name: 'Start' }).click();
    await page.getByRole('tab', { name: 'Bürgergespräche' }).click();
    await expect.poll(() => row.textContent()).toMatch(/Plätzen1$/);
    await row.click();
    const concerns = dialog().getByRole('table', { name: 'Anliegen aus der Veranstaltung' });
    await expect.poll(() => concerns.textContent()).toContain('Laterne am Spielplatz defekt');
    expect(await concerns.textContent()).toContain('eingegangen');
    await dialog().getByRole('region', { name: 'Dokumente' }).screenshot({ path: path.join(ARTIFACTS, 'buergerspaziergang-anliegen.png') });
    const reportDownload = page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Nachbericht' }).click();
    const report = documentText(new Uint8Array(fs.readFileSync((await (await reportDownload).path())!))).body;
    expect(report).toContain('1 Anliegen wurde aufgenommen: 1 eingegangen.');
    expect(report).toContain('Laterne am Spielplatz defekt\nBeschwerde · Spielplatz Brückenstraße\nanonym\neingegangen');
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('records an offer of a club and an enquiry referred to it', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Engagement' }).click();
    await page.getByRole('button', { name: 'Angebot erfassen …' }).click();
    await dialog().getByRole('combobox', { name: 'Organisation (Kontakt)' }).pressSequentially('TuS Homberg');
    await page.getByRole('option', { name: /Turn- und Sportverein Homberg 1890/ }).click();
    await dialog().getByRole('combobox', { name: 'Bereich' }).fill('Sport');
    await dialog().getByLabel('Gesucht werden (Aufgaben, Zeitaufwand)').fill('Übungsleiterinnen und Übungsleiter für das Kinderturnen');
    await dialog().getByRole('button', { name: 'Angebot speichern' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    const sport = page.getByRole('table', { name: 'Bereich Sport' });
    await expect.poll(() => sport.textContent()).toContain('Turn- und Sportverein Homberg 1890 e. V.');

    await page.getByRole('button', { name: 'Anfrage erfassen …' }).click();
    await dialog().getByLabel('Vorname').fill('Jonas');
    await dialog().getByLabel('Nachname').fill('Brackelmann');
    await dialog().getByLabel('E-Mail').fill('jonas.brackelmann@example.org');
    await dialog().getByLabel('Interessen (in den Worten der Person)').fill('Möchte mit Kindern Sport machen, am liebsten samstags.');
    await dialog().getByRole('checkbox', { name: 'Sport' }).check();
    await dialog().getByRole('checkbox', { name: 'Kinder und Jugend' }).check();
    const offers = dialog().getByRole('region', { name: 'Passende Angebote' });
    await expect.poll(() => offers.textContent()).toContain('Turn- und Sportverein Homberg 1890 e. V.');
    await offers.getByRole('button', { name: /Vermitteln an Turn- und Sportverein Homberg/ }).click();
    await expect.poll(() => dialog().getByRole('status', { name: 'Vermittelt an' }).textContent()).toContain('Turn- und Sportverein Homberg 1890 e. V.');
    expect(await dialog().getByLabel('Ergebnis').inputValue()).toBe('vermittelt');
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'engagement-anfrage.png') });
    await dialog().getByRole('button', { name: 'Anfrage speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).count()).toBe(1);
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => dialog().count()).toBe(0);

    const row = page.getByRole('table', { name: 'Anfragen zum Engagement' }).getByRole('row').filter({ hasText: 'Jonas Brackelmann' });
    await expect.poll(() => row.textContent()).toContain('vermittelt');
    expect(await row.textContent()).toContain('Turn- und Sportverein Homberg 1890 e. V.');
    await expect.poll(() => sport.textContent()).toMatch(/Kinderturnen\s*1$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'engagement.png'), fullPage: true });
  });
});
