import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp } from '../../core/app/open-app';
import { STANDARD_COLUMNS } from '../../core/services/residents/register-extract';
import { importExtract } from '../support/register-import';
import { MIGRATIONS_FOLDER, TEMPLATES_DIR } from '../support/temp-app';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/** The page's and the server's clock: the jubilee list shows next month, December 2026. */
const NOW = '2026-11-20T09:00:00+01:00';

/** Jubilees in December 2026 (a 100th birthday, an Eiserne Hochzeit, a 90th): each with its due badges. */
const EXTRACT = [
  STANDARD_COLUMNS.join(';'),
  'R1;Groß;Erna;;w;10.12.1926;Königstraße;5;47051;Duisburg;Mitte;;;;0;0;0;0',
  'R2;Maier;Manfred;;m;01.05.1938;Königstraße;5;47051;Duisburg;Mitte;12.12.1961;R3;;0;0;0;0',
  'R3;Maier;Maria;;w;01.06.1940;Königstraße;5;47051;Duisburg;Mitte;12.12.1961;R2;;0;0;0;0',
  'R4;Schimanski-Wawrzyniak;Hildegard;Dr.;w;27.12.1936;Friedrich-Wilhelm-Straße;112;47169;Duisburg;Homberg/Ruhrort/Baerl;;;;0;0;0;0',
].join('\n');

/**
 * Where in a table the text of one cell runs into another's: for every row, each pair of cells
 * whose text boxes (lines of text, badges) overlap, and each cell whose text leaves the cell.
 */
const OVERLAPS = `(table) => {
  const boxes = (cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
  };
  const meet = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const problems = [];
  for (const row of table.querySelectorAll('tr')) {
    const cells = [...row.children].map((cell) => ({ cell, box: cell.getBoundingClientRect(), text: boxes(cell) }));
    for (const c of cells) {
      if (c.text.some((t) => t.left < c.box.left - 1 || t.right > c.box.right + 1)) problems.push('leaves its cell: ' + c.cell.textContent.trim());
    }
    for (let i = 0; i < cells.length; i++)
      for (let j = i + 1; j < cells.length; j++)
        if (cells[i].text.some((a) => cells[j].text.some((b) => meet(a, b)))) problems.push(cells[i].cell.textContent.trim() + ' × ' + cells[j].cell.textContent.trim());
  }
  return problems;
}`;

/** Badges whose text does not fit their pill (cut off or wrapped onto a second line). */
const CRAMPED_BADGES = `(root) => [...root.querySelectorAll('.fui-Badge')]
  .filter((b) => b.scrollWidth > b.clientWidth + 0.5 || b.scrollHeight > b.clientHeight + 0.5)
  .map((b) => b.textContent.trim())`;

describe('tables and badges at office screen widths (Chromium, demo office)', () => {
  const session = useBrowserSession('table-layout', { serverArgs: ['--demo', '--now', NOW] });
  beforeAll(async () => {
    const app = openApp({ dataDir: session.dataDir, migrationsFolder: MIGRATIONS_FOLDER, templatesDir: TEMPLATES_DIR, appVersion: 'test', user: 'test' });
    try {
      await importExtract(app.handlers, new TextEncoder().encode(EXTRACT));
    } finally {
      app.close();
    }
  });

  // The checks run in the page (written as source: the tests are compiled without the DOM's types).
  const inPage = (source: string) => new Function(`return ${source}`)() as (element: unknown) => string[];
  const overlaps = (page: Page, table: string) => page.getByRole('table', { name: table, exact: true }).evaluate(inPage(OVERLAPS));
  const cramped = (page: Page) => page.getByRole('main').evaluate(inPage(CRAMPED_BADGES));

  /** Each form field whose control reaches out of the field's own box (its cell in the form's grid). */
  const OUTSIDE_FIELD = `(form) => [...form.querySelectorAll('.fui-Field')].flatMap((field) => {
    const cell = field.getBoundingClientRect();
    return [...field.querySelectorAll('.fui-Input, .fui-Select, .fui-Textarea')]
      .map((control) => control.getBoundingClientRect())
      .filter((box) => box.left < cell.left - 0.5 || box.right > cell.right + 0.5)
      .map((box) => field.querySelector('label').textContent + ': ' + Math.round(box.right - cell.right) + ' px zu breit');
  })`;

  for (const width of [1280, 1600]) {
    it(`at ${width} px: the departments' fields, „Reihenfolge“ too, stay inside their columns`, async () => {
      const page = session.page;
      await page.setViewportSize({ width, height: 1000 });
      await page.goto('about:blank');
      await page.goto(session.server.url);
      await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: 'Einstellungen' }).click();
      await page.getByRole('navigation', { name: 'Bereiche der Einstellungen' }).getByRole('link', { name: 'Fachbereiche' }).click();
      const form = page.getByRole('form', { name: 'Fachbereiche' });
      const order = form.getByRole('spinbutton', { name: 'Reihenfolge' });
      await expect.poll(() => order.count()).toBe(1);
      await expect.poll(() => page.getByRole('table', { name: 'Fachbereiche' }).getByRole('row').count()).toBeGreaterThan(1);
      await page.screenshot({ path: path.join(ARTIFACTS, `fachbereiche-${width}.png`) });
      expect(await form.evaluate(inPage(OUTSIDE_FIELD))).toEqual([]);
      // And the row of fields stays within the page's content.
      const main = (await page.getByRole('main').boundingBox())!;
      const box = (await order.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(main.x + main.width);
    });
  }

  for (const width of [1280, 1920]) {
    it(`at ${width} px: the requests never print text over text, and their badges fit`, async () => {
      const page = session.page;
      await page.setViewportSize({ width, height: 1000 });
      await page.clock.install({ time: new Date(NOW) });
      await page.goto('about:blank');
      await page.goto(session.server.url);
      await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: 'Bürgeranliegen' }).click();
      const table = page.getByRole('table', { name: 'Anliegen', exact: true });
      await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(5);
      await page.screenshot({ path: path.join(ARTIFACTS, `anliegen-${width}.png`) });
      expect(await overlaps(page, 'Anliegen')).toEqual([]);
      expect(await cramped(page)).toEqual([]);
    });

    it(`at ${width} px: the greetings calendar's and the jubilees' badges fit their pills`, async () => {
      const page = session.page;
      await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: 'Grußkalender' }).click();
      await expect.poll(() => page.getByRole('main').locator('.fui-Badge').count()).toBeGreaterThan(3);
      await page.screenshot({ path: path.join(ARTIFACTS, `grusskalender-${width}.png`) });
      expect(await cramped(page)).toEqual([]);

      await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: 'Jubiläen' }).click();
      const table = page.getByRole('table', { name: 'Jubiläen', exact: true });
      await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(3);
      await page.screenshot({ path: path.join(ARTIFACTS, `jubilaeen-${width}.png`) });
      expect(await cramped(page)).toEqual([]);
      expect(await overlaps(page, 'Jubiläen')).toEqual([]);
    });
  }
});
