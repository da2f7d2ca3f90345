import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { speechBodySchema } from '../../core/api';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { pageApi } from './page-api';

const TITLE = 'Grußwort zum Neujahrsempfang';
const SPEECH = 'Rede zum Empfang der Delegation aus Portsmouth';
/** The editor's document, read through the TipTap instance TipTap keeps on its element. */
const EDITOR_JSON = 'JSON.stringify(document.querySelector(\'[role="dialog"] .ProseMirror\').editor.getJSON())';

describe('speeches in browser mode (Chromium)', () => {
  const session = useBrowserSession('speeches', { serverArgs: ['--demo'], open: true });
  const dialog = () => session.page.getByRole('dialog');
  /**
   * Adds a guest through the picker. Waits until the list shows the search's result (its first
   * option is the one wanted): the list from before the typing can move under the pointer.
   */
  const addGuest = async (search: string, name: RegExp) => {
    await dialog().getByRole('combobox', { name: 'Gast hinzufügen' }).pressSequentially(search);
    await expect.poll(() => session.page.locator('.fui-Listbox').getByRole('option').first().textContent()).toMatch(name);
    await session.page.getByRole('option', { name }).first().click();
    await expect.poll(() => dialog().getByRole('list', { name: 'Gäste' }).textContent()).toMatch(name);
  };

  it('records a speech for the Oberbürgermeisterin and lists it', async () => {
    const page = session.page;
    await page.getByRole('tab', { name: 'Reden' }).click();
    await page.getByRole('button', { name: 'Neue Rede …' }).click();
    // Without a title the server's German message is shown.
    await dialog().getByRole('button', { name: 'Rede speichern' }).click();
    await expect.poll(() => dialog().textContent()).toContain('Bitte einen Titel angeben.');

    await dialog().getByLabel('Titel').fill(TITLE);
    await dialog().getByLabel('Art').selectOption({ label: 'Grußwort (gesprochen)' });
    await dialog().getByLabel('Rednerin bzw. Redner').selectOption({ label: 'Dr. Petra Hovestadt, Oberbürgermeisterin' });
    await dialog().getByLabel('Publikum').fill('Gäste aus Politik und Stadtgesellschaft');
    await dialog().getByLabel('Redezeit (Minuten)').fill('5');
    await dialog().getByLabel('Fällig am').fill('2027-01-05');
    await dialog().getByLabel('Verfasst von').fill('Redenschreiberin');
    await dialog().getByRole('button', { name: 'Rede speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).count()).toBe(1);

    await dialog().getByRole('button', { name: 'Schließen' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    const table = page.getByRole('table', { name: 'Reden' });
    const row = table.getByRole('row').filter({ hasText: TITLE });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Dr. Petra Hovestadt');
    expect(await row.textContent()).toContain('05.01.2027');
    await page.screenshot({ path: path.join(ARTIFACTS, 'reden.png') });
    // A click on the row opens the speech again.
    await row.click();
    await expect.poll(() => dialog().getByLabel('Titel').inputValue()).toBe(TITLE);
  });

  it('proposes the greeting of two parliamentarians', async () => {
    await addGuest('Paschke', /Nadine Paschke/);
    await addGuest('Aydın', /Kemal Aydın/);
    await dialog().getByRole('button', { name: 'Begrüßung vorschlagen' }).click();
    const text = dialog().getByLabel('Vorgeschlagene Begrüßung');
    await expect.poll(() => text.count()).toBe(1);
    const greeting = await text.inputValue();
    expect(greeting.startsWith('Sehr geehrte')).toBe(true);
    expect(greeting.trimEnd().endsWith('meine sehr geehrten Damen und Herren,')).toBe(true);
    // Both members of the Bundestag are greeted as one group.
    expect(greeting).toContain('Abgeordnete');

    const order = dialog().getByRole('list', { name: 'Reihenfolge der Begrüßung' });
    const first = await order.getByRole('listitem').first().textContent();
    await order.getByRole('listitem').nth(1).getByRole('button', { name: /nach oben/ }).click();
    expect(await order.getByRole('listitem').nth(1).textContent()).toContain(first!.replace(/^1\. /, '').trim());
    await dialog().getByRole('button', { name: 'Kopieren' }).click();
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'rede-begruessung.png') });
  });

  it('greets a guest without an office by name only when marked „Ehrengast“', async () => {
    const guests = dialog().getByRole('list', { name: 'Gäste' });
    await addGuest('Feuerborn', /Marlies Feuerborn/);
    const proposal = dialog().getByLabel('Vorgeschlagene Begrüßung');
    await dialog().getByRole('button', { name: 'Begrüßung vorschlagen' }).click();
    // Without an office she is one of the „Damen und Herren“ (DOMAIN.md B) …
    await expect.poll(() => dialog().getByRole('list', { name: 'Reihenfolge der Begrüßung' }).textContent()).toContain('Marlies Feuerborn – mit „Damen und Herren“ begrüßt');
    expect(await proposal.inputValue()).not.toContain('Feuerborn');
    // … until staff mark her as guest of honour: then she is greeted by name after the office holders.
    const honour = guests.getByRole('listitem').filter({ hasText: 'Marlies Feuerborn' }).getByRole('checkbox', { name: 'Ehrengast' });
    expect(await honour.isChecked()).toBe(false);
    await honour.check();
    await expect.poll(() => dialog().textContent()).toContain('Die Gästeliste hat sich geändert.');
    await dialog().getByRole('button', { name: 'Begrüßung vorschlagen' }).click();
    await expect.poll(() => proposal.inputValue()).toMatch(/Abgeordnete, sehr geehrte Frau Feuerborn, meine sehr geehrten Damen und Herren,$/);
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'rede-begruessung-ehrengast.png') });
  });

  it('writes a speech: greeting of five guests, text with stage note and pause, two versions, Word manuscript', async () => {
    const page = session.page;
    // The greeting proposed above is not saved: closing asks first.
    const confirm = new Promise<string>((resolve) => page.once('dialog', (d) => (resolve(d.message()), void d.accept())));
    await dialog().getByRole('button', { name: 'Schließen' }).click();
    expect(await confirm).toContain('ungespeicherte Änderungen');
    await expect.poll(() => dialog().count()).toBe(0);

    await page.getByRole('button', { name: 'Neue Rede …' }).click();
    await dialog().getByLabel('Titel').fill(SPEECH);
    await dialog().getByLabel('Art').selectOption({ label: 'Rede' });
    await dialog().getByLabel('Rednerin bzw. Redner').selectOption({ label: 'Dr. Petra Hovestadt, Oberbürgermeisterin' });
    const occasion = dialog().getByLabel('Anlass (Termin der nächsten 90 Tage)');
    await expect.poll(() => occasion.locator('option', { hasText: 'Portsmouth' }).count()).toBe(1);
    await occasion.selectOption({ label: (await occasion.locator('option', { hasText: 'Portsmouth' }).textContent())! });
    await dialog().getByLabel('Redezeit (Minuten)').fill('1');

    for (const name of ['Brackelmann', 'Severin', 'Paschke', 'Aydın', 'Lemmerz']) await addGuest(name, new RegExp(name));
    expect(await dialog().getByRole('list', { name: 'Gäste' }).getByRole('listitem').count()).toBe(5);
    // The reception's guests of honour (Lord Mayor of Portsmouth, her husband, the Freundeskreis's chair) join them.
    await dialog().getByRole('button', { name: 'Ehrengäste des Termins übernehmen (3)' }).click();
    await expect.poll(() => dialog().getByRole('list', { name: 'Gäste' }).getByRole('listitem').count()).toBe(8);
    expect(await dialog().getByRole('list', { name: 'Gäste' }).textContent()).toContain('Helen Pendleton');
    // They come marked as guests of honour: her husband, who holds no office, is greeted by name.
    const husband = dialog().getByRole('list', { name: 'Gäste' }).getByRole('listitem').filter({ hasText: 'Graham Pendleton' });
    expect(await husband.getByRole('checkbox', { name: 'Ehrengast' }).isChecked()).toBe(true);
    await dialog().getByRole('button', { name: 'Begrüßung vorschlagen' }).click();
    const proposal = dialog().getByLabel('Vorgeschlagene Begrüßung');
    await expect.poll(() => proposal.count()).toBe(1);
    // Closing „liebe Duisburgerinnen und Duisburger“: the text is rebuilt in the same order.
    await dialog().getByRole('radio', { name: /liebe Duisburgerinnen und Duisburger/ }).check();
    await expect.poll(() => proposal.inputValue()).toMatch(/liebe Duisburgerinnen und Duisburger,$/);
    const greeting = await proposal.inputValue();
    expect(greeting).toMatch(/^Sehr geehrte Frau Präsidentin,/);
    expect(greeting).toMatch(/Lord Mayor, .*Mr Pendleton, liebe Duisburgerinnen und Duisburger,$/);

    const text = dialog().getByRole('textbox', { name: 'Text der Rede' });
    await dialog().getByRole('button', { name: 'In die Rede einfügen' }).click();
    await expect.poll(() => text.locator('p').first().textContent()).toBe(greeting);
    // Inserting again replaces the greeting instead of adding a second one.
    await dialog().getByRole('button', { name: 'In die Rede einfügen' }).click();
    expect(await text.locator('p', { hasText: 'Sehr geehrte Frau Präsidentin' }).count()).toBe(1);

    // The cursor to the end of the text (a click lands in the middle of the wrapped greeting, and
    // End keys stop at line ends), then a new paragraph.
    await page.evaluate(`document.querySelector('[role="dialog"] .ProseMirror').editor.commands.focus('end')`);
    await page.keyboard.press('Enter');
    await page.keyboard.type('herzlich willkommen in Duisburg! ');
    const stageNote = dialog().getByRole('toolbar', { name: 'Text formatieren' }).getByRole('button', { name: 'Regieanweisung (Strg+Alt+R)' });
    expect(await stageNote.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Control+Alt+r');
    await page.keyboard.type('Blick zur Delegation');
    await expect.poll(() => stageNote.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+Alt+r');
    await page.keyboard.type(' Seit vielen Jahren verbindet unsere Städte eine lebendige Partnerschaft.');
    await page.keyboard.press('Control+Alt+p');
    await page.keyboard.type(' Dafür danke ich Ihnen.');
    await expect.poll(() => text.locator('[data-stage-note]').textContent()).toBe('Blick zur Delegation');
    expect(await text.locator('[data-pause]').count()).toBe(1);
    // Stage note and pause are not spoken: 4 + 9 + 4 words after the greeting's.
    const greetingWords = greeting.match(/[\p{L}\p{N}]+/gu)!.length;
    const status = dialog().getByRole('status').filter({ hasText: 'Redezeit' });
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^${greetingWords + 17} Wörter · Redezeit ca\\. 0:\\d\\d Min\\. · Vorgabe 1 Min\\.$`));

    await dialog().getByRole('button', { name: 'Rede speichern' }).click();
    const saved = dialog().getByRole('status').filter({ hasText: 'gespeichert' });
    await expect.poll(() => saved.textContent()).toMatch(/^Rede Nr\. \d+ angelegt, Fassung 1 gespeichert\.$/);

    // Pasted HTML is reduced to what a speech may hold (no list, quote, code, link …); a long
    // paragraph makes the speech too long for one minute.
    const long = Array.from({ length: 14 }, () => 'Die Zusammenarbeit unserer Städte reicht von den Schulen bis zur Wirtschaft.').join(' ');
    await page.evaluate(`(() => {
      const element = document.querySelector('[role="dialog"] .ProseMirror');
      element.editor.commands.focus('end');
      const data = new DataTransfer();
      data.setData('text/html', '<ul><li>Eins</li><li>Zwei</li></ul><blockquote>Zitat</blockquote><h4>Klein</h4><pre><code>Code</code></pre><hr><p><s>durch</s> <a href="https://example.org">Link</a></p><p>${long}</p>');
      data.setData('text/plain', 'Eins Zwei');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => text.textContent()).toContain('Zitat');
    const body = speechBodySchema.safeParse(JSON.parse((await page.evaluate(EDITOR_JSON)) as string));
    expect(body.success).toBe(true);
    expect(body.data!.content.map((b) => b.type)).not.toContain('bulletList');
    await expect.poll(() => status.textContent()).toMatch(/zu lang$/);
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'rede-text.png') });

    await dialog().getByRole('button', { name: 'Rede speichern' }).click();
    await expect.poll(() => saved.textContent()).toBe('Fassung 2 gespeichert.');

    // Compare the two versions: the pasted text shows as added, nothing removed.
    await dialog().getByRole('button', { name: 'Fassungen' }).click();
    const versions = page.getByRole('dialog', { name: 'Fassungen der Rede' });
    await expect.poll(() => versions.getByRole('table', { name: 'Fassungen' }).getByRole('row').count()).toBe(3);
    const changes = versions.getByLabel('Unterschiede');
    await expect.poll(() => changes.locator('ins').count()).toBeGreaterThan(0);
    expect(await changes.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Die Zusammenarbeit unserer Städte')]));
    expect(await changes.locator('del').count()).toBe(0);
    expect(await versions.getByRole('status').textContent()).toMatch(/Fassung 1 → Fassung 2:.*Wörter hinzugefügt.*0 Wörter entfernt/);
    await versions.screenshot({ path: path.join(ARTIFACTS, 'rede-fassungen.png') });
    await versions.getByRole('button', { name: 'Schließen' }).click();
    await expect.poll(() => versions.count()).toBe(0);

    const download = page.waitForEvent('download');
    await dialog().getByRole('button', { name: 'Manuskript (Word)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // Saved: closing asks nothing, and the speech comes back with its text and guests.
    await dialog().getByRole('button', { name: 'Schließen' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await page.getByRole('table', { name: 'Reden' }).getByRole('row').filter({ hasText: SPEECH }).click();
    await expect.poll(() => text.locator('p').first().textContent()).toBe(greeting);
    expect(await text.locator('[data-stage-note]').textContent()).toBe('Blick zur Delegation');
    expect(await dialog().getByRole('list', { name: 'Gäste' }).getByRole('listitem').count()).toBe(8);
    expect(await dialog().getByRole('radio', { name: /liebe Duisburgerinnen und Duisburger/ }).isChecked()).toBe(true);
    expect(await dialog().getByText('Fassung 2', { exact: true }).count()).toBe(1);
  });

  it('refuses a save after another PC changed the speech with „Inzwischen geändert“, keeps the input until „Neu laden“ shows the other change', async () => {
    const page = session.page;
    const audience = dialog().getByRole('textbox', { name: 'Publikum' });
    await audience.fill('Delegation und Freundeskreis');
    // Another PC saves the same speech meanwhile (a new title).
    const [stored] = (await pageApi(page, 'speeches.list', {})).filter((s) => s.title === SPEECH);
    const other = await pageApi(page, 'speeches.save', { ...(await pageApi(page, 'speeches.get', { id: stored!.id })), title: `${SPEECH} (Fassung des Büros)` });
    expect(other.revision).toBe(stored!.revision + 1);

    await dialog().getByRole('button', { name: 'Rede speichern' }).click();
    const notice = dialog().getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(
      /Diese Rede wurde inzwischen von .+ geändert \(\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr\)\. Bitte laden Sie sie neu; Ihre Änderungen sind nicht gespeichert\./,
    );
    // Nothing overwritten, and the input is still there.
    expect(await pageApi(page, 'speeches.get', { id: stored!.id })).toMatchObject({ title: `${SPEECH} (Fassung des Büros)`, audience: stored!.audience, revision: other.revision });
    expect(await audience.inputValue()).toBe('Delegation und Freundeskreis');
    expect(await dialog().getByLabel('Titel').inputValue()).toBe(SPEECH);
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'rede-inzwischen-geaendert.png') });

    await notice.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => dialog().getByLabel('Titel').inputValue()).toBe(`${SPEECH} (Fassung des Büros)`);
    expect(await audience.inputValue()).toBe(stored!.audience);
    expect(await notice.count()).toBe(0);
    // The text came back as stored, with nothing unsaved; saved again on top of it, the change goes through.
    expect(await dialog().getByRole('textbox', { name: 'Text der Rede' }).locator('[data-stage-note]').textContent()).toBe('Blick zur Delegation');
    await audience.fill('Delegation und Freundeskreis');
    await dialog().getByRole('button', { name: 'Rede speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'gespeichert' }).textContent()).toBe('Rede gespeichert.');
    expect(await pageApi(page, 'speeches.get', { id: stored!.id })).toMatchObject({ audience: 'Delegation und Freundeskreis', version: 2, revision: other.revision + 1 });
  });
});
