import type { FileChooser } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pngPicture, SAMPLES } from '../support/media-samples';
import { tempDir } from '../support/temp-app';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { pageApi } from './page-api';

describe('images and videos of an online post in browser mode (Chromium)', () => {
  // The app's clock: Friday, 27 November 2026, 10:00 in Duisburg.
  const session = useBrowserSession('online-media', { serverArgs: ['--now', '2026-11-27T10:00:00+01:00'], open: true });
  const dialog = () => session.page.getByRole('dialog');
  const firstFile = () => dialog().getByRole('group', { name: 'Datei (1)' });
  /** The thumbnail shows a picture (the browser decoded it). */
  const shown = (name: string) => firstFile().getByRole('img', { name: `Vorschau: ${name}` }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

  it('chooses an image for a post by keyboard, shows its thumbnail, name and size, saves it with the post, and refuses a file that is no image', async () => {
    const page = session.page;
    const folder = tempDir('rathausbuero-e2e-media-');
    const picture = pngPicture(160, 100);
    const photo = path.join(folder, 'Hafen am Abend.png');
    fs.writeFileSync(photo, picture);
    const fake = path.join(folder, 'Plakat.png');
    fs.writeFileSync(fake, SAMPLES.pdf);

    await page.getByRole('tab', { name: 'Online' }).click();
    await page.getByRole('button', { name: 'Beitrag anlegen …' }).click();
    await dialog().getByRole('combobox', { name: 'Kanal' }).selectOption({ label: 'Mastodon' });
    await dialog().getByRole('textbox', { name: 'Text' }).fill('Abendstimmung am Eisenbahnhafen in Ruhrort.');
    await dialog().getByRole('button', { name: 'Bild oder Video hinzufügen' }).click();
    expect(await firstFile().textContent()).toContain('Noch keine Datei.');

    // By keyboard: the button has the focus, Enter opens the file chooser. The dialog re-renders
    // once after the focus moved, and a key pressed within that is lost: Enter again until it opens
    // (every chooser is caught while the listener is on).
    const choose = firstFile().getByRole('button', { name: 'Datei wählen …' });
    const choosers: FileChooser[] = [];
    const caught = (c: FileChooser) => void choosers.push(c);
    page.on('filechooser', caught);
    await expect
      .poll(
        async () => {
          if (choosers.length === 0) {
            await choose.focus();
            if (await choose.evaluate((button) => button === document.activeElement)) await page.keyboard.press('Enter');
          }
          return choosers.length;
        },
        { interval: 300 },
      )
      .toBeGreaterThan(0);
    page.off('filechooser', caught);
    const chooser = choosers[0]!;
    await chooser.setFiles(photo);
    await expect.poll(() => firstFile().textContent()).toContain('Hafen am Abend.png');
    expect(await firstFile().textContent()).toContain(`(${Math.round(picture.length / 1024)} KB, wird mit dem Beitrag gespeichert)`);
    await expect.poll(() => shown('Hafen am Abend.png')).toBe(true);

    // The alternative text is still asked for.
    const check = dialog().getByRole('region', { name: 'Prüfung für den Kanal' });
    await expect.poll(() => check.textContent()).toContain('Bild 1 hat keinen Alternativtext');
    await dialog().getByRole('textbox', { name: 'Alternativtext (1)' }).fill('Der Eisenbahnhafen in Ruhrort im Abendlicht');
    await dialog().getByRole('textbox', { name: 'Bildnachweis (1)' }).fill('Foto: Stadt Duisburg / Uwe Köppen');
    await expect.poll(() => check.textContent()).toContain('Passt für Mastodon.');
    await dialog().getByLabel('Geplant am').fill('2026-12-02');
    await dialog().getByLabel('um (Uhrzeit)').fill('18:00');
    await dialog().getByRole('button', { name: 'Beitrag speichern' }).click();
    await expect.poll(() => dialog().getByRole('status').filter({ hasText: 'Beitrag gespeichert (Entwurf).' }).count()).toBe(1);

    // Saved: the thumbnail now comes from the stored file; the bytes are the chosen file's.
    await expect.poll(() => firstFile().textContent()).not.toContain('wird mit dem Beitrag gespeichert');
    await expect.poll(() => shown('Hafen am Abend.png')).toBe(true);
    const [saved] = await pageApi(page, 'online.posts.list', { from: '2026-12-02', to: '2026-12-02' });
    const medium = saved!.media[0]!;
    expect(medium).toMatchObject({ kind: 'image', alt: 'Der Eisenbahnhafen in Ruhrort im Abendlicht', file: { fileName: 'Hafen am Abend.png', size: picture.length, type: 'png' } });
    const file = await pageApi(page, 'online.posts.mediaFile', { id: saved!.id, key: medium.file!.key });
    expect(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).toEqual(picture);
    await firstFile().scrollIntoViewIfNeeded();
    await dialog().screenshot({ path: path.join(ARTIFACTS, 'online-beitrag-bild.png') });

    // A PDF named like a picture: refused on saving, with a German message naming it; the stored picture stays.
    await firstFile().locator('input[type="file"]').setInputFiles(fake);
    await expect.poll(() => firstFile().textContent()).toContain('Plakat.png');
    await dialog().getByRole('button', { name: 'Beitrag speichern' }).click();
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toContain('Die Datei „Plakat.png“ ist kein Bild und kein Video in einem der Formate JPEG, PNG, WebP, GIF, MP4, MOV oder WebM');
    expect((await pageApi(page, 'online.posts.get', { id: saved!.id })).media[0]!.file).toEqual(medium.file);

    // Removed: the entry keeps its texts, the file goes when the post is saved.
    await firstFile().getByRole('button', { name: 'Datei Plakat.png entfernen' }).click();
    expect(await firstFile().textContent()).toContain('Noch keine Datei.');
    await dialog().getByRole('button', { name: 'Beitrag speichern' }).click();
    await expect.poll(async () => (await pageApi(page, 'online.posts.get', { id: saved!.id })).media[0]!.file).toBeNull();
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
