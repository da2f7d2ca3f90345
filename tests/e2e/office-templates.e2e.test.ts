/**
 * Office mode: „Eigene Fassung anlegen“ / „In Word bearbeiten“ on a template writes a working copy
 * on this PC; what Word saves there is stored in the office database, and the template card says
 * so (browser mode on PostgreSQL, Chromium; Word's save is the file written anew).
 */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS } from './browser-mode';
import { useOfficeSession } from './office-session';
import { pageApi } from './page-api';

describe('a template edited in Word in office mode (browser mode on PostgreSQL, Chromium)', () => {
  const office = useOfficeSession('office-templates');

  it('stores what Word saves in the working copy and says so on the card', async () => {
    const { page, folder } = office;
    await page.getByRole('tab', { name: 'Korrespondenz' }).click();
    await page.getByRole('tab', { name: 'Vorlagen' }).click();
    const card = page.locator('[aria-label="Vorlage Glückwunsch zum Geburtstag"]');
    await card.getByRole('button', { name: 'Eigene Fassung anlegen' }).click();
    await card.getByText('In Bearbeitung: Jedes Speichern in Word wird in die Bürodatenbank übernommen.').waitFor();

    const file = path.join(folder, 'Arbeitskopien', 'geburtstag.docx');
    const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
    parts['word/document.xml'] = strToU8(strFromU8(parts['word/document.xml']!).replace('>Ansprechpartner/in<', '>Ihre Ansprechpartnerin<'));
    fs.writeFileSync(file, zipSync(parts));

    await card.getByText(/^Gespeichert in der Bürodatenbank/).waitFor();
    expect(await card.textContent()).toContain('eigene Fassung');
    const stored = await pageApi(page, 'templates.file', { id: 'geburtstag' });
    expect(Buffer.from(stored.contentBase64, 'base64').equals(fs.readFileSync(file))).toBe(true);
    await card.screenshot({ path: path.join(ARTIFACTS, 'buero-vorlage-aus-word-gespeichert.png') });
  });
});
