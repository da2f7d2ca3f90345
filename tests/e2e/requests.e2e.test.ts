import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/** Friday, 27 November 2026, 9 o'clock in Duisburg; three weeks later the statement is overdue. */
const START = '2026-11-27T09:00:00+01:00';
const LATER = '2026-12-18T09:00:00+01:00';
const SUBJECT = 'Schlagloch vor dem Haus Kaiser-Wilhelm-Straße 12';
const DEPARTMENT = 'Amt für Straßenbau';

describe('citizens’ requests in browser mode (Chromium)', () => {
  // The server's clock (--now) and the page's clock run from the same instant. No demo data:
  // the statistics count only this request; the signer and the department are set up here.
  const session = useBrowserSession('requests', { serverArgs: ['--now', START] });
  const dialog = () => session.page.getByRole('dialog');
  // By role and exact name: a required field's label also holds the asterisk.
  const field = (label: string) => dialog().getByRole('textbox', { name: label, exact: true });
  const choice = (label: string) => dialog().getByRole('combobox', { name: label, exact: true });

  it('records a complaint of a new citizen, acknowledges it and forwards it to a department with a deadline', async () => {
    const page = session.page;
    await page.clock.install({ time: new Date(START) });
    await page.goto(session.server.url);

    // Who signs the reply, and a department to forward to (Einstellungen).
    await page.getByRole('tab', { name: 'Einstellungen' }).click();
    const sections = page.getByRole('navigation', { name: 'Bereiche der Einstellungen' });
    await sections.getByRole('link', { name: 'Unterzeichnende' }).click();
    const signers = page.getByRole('table', { name: 'Unterzeichnende' });
    const signerFields = page.locator('h2:text-is("Unterzeichnende") ~ div');
    await signerFields.getByRole('textbox', { name: 'Name', exact: true }).first().fill('Dr. Petra Hovestadt');
    await signerFields.getByRole('textbox', { name: 'Amt', exact: true }).first().fill('Oberbürgermeisterin');
    await signerFields.getByRole('checkbox', { name: 'unterschreibt „In Vertretung“' }).uncheck();
    await signerFields.getByRole('button', { name: 'Unterzeichnende/n hinzufügen' }).click();
    await expect.poll(() => signers.textContent()).toContain('Dr. Petra Hovestadt');
    await sections.getByRole('link', { name: 'Fachbereiche' }).click();
    const departments = page.getByRole('form', { name: 'Fachbereiche' });
    await departments.getByLabel('Name des Fachbereichs').fill(DEPARTMENT);
    await departments.getByLabel('E-Mail-Adresse des Fachbereichs').fill('strassenbau@stadt-duisburg.de');
    await departments.getByRole('button', { name: 'Fachbereich hinzufügen' }).click();
    await expect.poll(() => departments.getByRole('table', { name: 'Fachbereiche' }).textContent()).toContain(DEPARTMENT);

    await page.getByRole('tab', { name: 'Bürgeranliegen' }).click();
    await expect.poll(() => page.getByRole('note').filter({ hasText: 'Noch keine Anliegen' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Anliegen erfassen …' }).click();
    await choice('Art').selectOption({ label: 'Beschwerde' });
    await choice('Eingangsweg').selectOption({ label: 'E-Mail' });
    expect(await field('Eingegangen am').inputValue()).toBe('27.11.2026');
    await choice('Anrede').selectOption({ label: 'Frau' });
    await field('Vorname').fill('Hülya');
    await field('Nachname').fill('Özdemir');
    await field('Straße').fill('Kaiser-Wilhelm-Straße');
    await field('Hausnummer').fill('12');
    await field('PLZ').fill('47169');
    await field('Ort (Anschrift)').fill('Duisburg');
    await field('E-Mail').fill('huelya.oezdemir@example.org');
    await field('Betreff').fill(SUBJECT);
    await field('Text des Anliegens').fill('Seit Wochen ist vor unserem Haus ein tiefes Schlagloch. Gestern ist ein Radfahrer gestürzt.');
    await dialog().getByRole('combobox', { name: 'Themenbereich' }).fill('Verkehr und Straßen');
    await choice('Stadtbezirk').selectOption('Hamborn');
    await field('Ort, Straße oder Stelle').fill('Kaiser-Wilhelm-Straße 12');
    await dialog().getByRole('button', { name: 'Anliegen speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).textContent()).toContain('Anliegen Nr. 1 gespeichert');

    // Only the steps the server allows: a new request is acknowledged (here by e-mail) or taken on.
    const steps = dialog().getByRole('group', { name: 'Nächste Schritte' });
    expect(await steps.getByRole('button', { name: 'Stellungnahme eintragen …' }).count()).toBe(0);
    await steps.getByRole('button', { name: 'Eingang bestätigen (E-Mail)' }).click();
    const receipt = dialog().getByRole('group', { name: 'Eingangsbestätigung per E-Mail' });
    await expect.poll(() => receipt.textContent()).toContain('huelya.oezdemir@example.org');
    expect(await receipt.getByRole('link', { name: /Im E-Mail-Programm öffnen/ }).getAttribute('href')).toMatch(/^mailto:huelya\.oezdemir@example\.org\?subject=/);
    await expect.poll(() => dialog().getByRole('list', { name: 'Bearbeitungsstand' }).textContent()).toContain('Eingang bestätigt am 27.11.2026');

    // Forward: the deadline is prefilled with ten working days (11 December) and changed to 10 December.
    await steps.getByRole('button', { name: 'An Fachbereich weiterleiten …' }).click();
    const forward = dialog().getByRole('form', { name: 'An Fachbereich weiterleiten' });
    await expect.poll(() => forward.getByRole('textbox', { name: 'Stellungnahme erbeten bis' }).inputValue()).toBe('11.12.2026');
    expect(await forward.textContent()).toContain('10 Arbeitstage');
    await forward.getByRole('combobox', { name: 'Fachbereich', exact: true }).selectOption({ label: DEPARTMENT });
    await forward.getByRole('textbox', { name: 'Stellungnahme erbeten bis' }).fill('10.12.2026');
    await forward.getByLabel('Hinweis an den Fachbereich (kommt in die E-Mail)').fill('Bitte mit Angabe, wann die Stelle ausgebessert wird.');
    await forward.getByRole('button', { name: 'Weiterleiten' }).click();
    const request = dialog().getByRole('group', { name: `Bitte um Stellungnahme an ${DEPARTMENT}` });
    await expect.poll(() => request.textContent()).toContain('strassenbau@stadt-duisburg.de');
    const timeline = dialog().getByRole('list', { name: 'Bearbeitungsstand' });
    // The history is read again after the step (its own query): wait for it, as a user would.
    await expect.poll(() => timeline.textContent()).toContain(`an ${DEPARTMENT} · Frist 10.12.2026`);
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'anliegen-weitergeleitet.png') });
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => dialog().count()).toBe(0);

    const row = page.getByRole('table', { name: 'Anliegen' }).getByRole('row').filter({ hasText: SUBJECT });
    await expect.poll(() => row.textContent()).toContain('an Fachbereich weitergeleitet');
    expect(await row.textContent()).toContain('Hülya Özdemir');
    expect(await row.textContent()).toContain('10.12.2026');
    expect(await row.textContent()).not.toContain('überfällig');
  });

  it('three weeks later: overdue in the register; the statement, the reply letter, closed', async () => {
    const page = session.page;
    await session.restart(['--now', LATER]);
    await page.clock.setSystemTime(new Date(LATER));
    await page.goto(session.server.url);
    await page.getByRole('tab', { name: 'Bürgeranliegen' }).click();
    const row = page.getByRole('table', { name: 'Anliegen' }).getByRole('row').filter({ hasText: SUBJECT });
    await expect.poll(() => row.textContent()).toContain('Stellungnahme überfällig');
    // The attention bar has its own query: it may arrive after the rows.
    await expect.poll(() => page.getByText('1 Anliegen braucht Aufmerksamkeit').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'anliegen-register.png') });

    await row.click();
    const timeline = dialog().getByRole('list', { name: 'Bearbeitungsstand' });
    await expect.poll(() => timeline.textContent()).toContain('Frist seit 10.12.2026 überschritten');
    const steps = dialog().getByRole('group', { name: 'Nächste Schritte' });
    // Answering before the statement is refused with the reason where the buttons are.
    expect(await dialog().getByRole('button', { name: 'Antwortschreiben erstellen' }).count()).toBe(0);
    await steps.getByRole('button', { name: 'Erinnern' }).click();
    await expect.poll(() => dialog().getByRole('group', { name: `Erinnerung an ${DEPARTMENT}` }).count()).toBe(1);

    await steps.getByRole('button', { name: 'Stellungnahme eintragen …' }).click();
    const statement = dialog().getByRole('form', { name: 'Stellungnahme eintragen' });
    expect(await statement.getByRole('textbox', { name: 'Stellungnahme eingegangen am' }).inputValue()).toBe('18.12.2026');
    await statement.getByLabel('Stellungnahme des Fachbereichs').fill('Die Stelle wird am 21. Dezember 2026 ausgebessert; bis dahin ist sie abgesperrt.');
    await statement.getByRole('button', { name: 'Stellungnahme speichern' }).click();
    await expect.poll(() => timeline.textContent()).toContain('Stellungnahme eingegangen am 18.12.2026');

    await dialog().getByRole('button', { name: 'Antwortschreiben erstellen' }).click();
    const answered = dialog().getByRole('status').filter({ hasText: 'Antwortschreiben Nr.' });
    await expect.poll(() => answered.textContent()).toContain('im Postausgang');
    expect(await answered.textContent()).toContain('Hülya Özdemir');
    await expect.poll(() => timeline.textContent()).toContain('Beantwortet am 18.12.2026');
    await dialog().getByRole('region', { name: 'Bearbeitung' }).scrollIntoViewIfNeeded();
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'anliegen-beantwortet.png') });

    await steps.getByRole('button', { name: 'Erledigen' }).click();
    await expect.poll(() => timeline.textContent()).toContain('Erledigt am 18.12.2026');
    expect(await dialog().getByRole('table', { name: 'Verlauf' }).textContent()).toContain('Stellungnahme eingegangen');
    await dialog().getByRole('button', { name: 'Schließen' }).last().click();
    await expect.poll(() => row.textContent()).toContain('erledigt');
    expect(await row.textContent()).not.toContain('überfällig');

    // The reply is in the Postausgang.
    await page.getByRole('tab', { name: 'Korrespondenz' }).click();
    await page.getByRole('tab', { name: 'Postausgang' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Postausgang' }).textContent()).toContain('Hülya Özdemir');

    // The statistics count it: one complaint this year.
    await page.getByRole('tab', { name: 'Bürgeranliegen' }).click();
    await page.getByRole('tab', { name: 'Statistik' }).click();
    const byKind = page.getByRole('region', { name: 'Anliegen nach Art' });
    await expect.poll(() => byKind.getByRole('img', { name: /^Anliegen nach Art, insgesamt/ }).getAttribute('aria-label')).toContain('Beschwerde 1');
    await page.screenshot({ path: path.join(ARTIFACTS, 'anliegen-statistik.png'), fullPage: true });
    await byKind.getByRole('switch', { name: 'Als Tabelle anzeigen' }).click();
    const complaints = byKind.getByRole('row').filter({ hasText: 'Beschwerde' });
    await expect.poll(() => complaints.textContent()).toMatch(/^Beschwerde1100/);
  });
});
