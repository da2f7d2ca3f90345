/**
 * The page's code as `npm run build` leaves it (out/renderer, built before the tests): what the
 * start page needs is loaded at once, the other pages when they are first opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const RENDERER = path.resolve(__dirname, '../../out/renderer');

/** The scripts loaded with the page: the entry and what it imports statically, recursively. */
function loadedAtStart(): Map<string, string> {
  const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]* src="\.\/([^"]+)"/.exec(html)![1]!;
  const loaded = new Map<string, string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    const code = fs.readFileSync(path.join(RENDERER, file), 'utf8');
    loaded.set(file, code);
    for (const [, next] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(path.posix.join(path.posix.dirname(file), next!));
  };
  visit(entry);
  return loaded;
}

it('the start page loads without the code of the calendar and the speech editor, which come with their pages', () => {
  expect(fs.existsSync(path.join(RENDERER, 'index.html')), 'erst „npm run build“').toBe(true);
  const atStart = [...loadedAtStart().values()].join('\n');
  expect(atStart).toContain('Willkommen im Rathausbüro');
  const all = fs.readdirSync(path.join(RENDERER, 'assets')).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(RENDERER, 'assets', f), 'utf8')).join('\n');
  for (const marker of ['fc-daygrid', 'ProseMirror']) {
    expect(all, marker).toContain(marker);
    expect(atStart.includes(marker), marker).toBe(false);
  }
});

it("the start page loads without the API's schemas (zod): the forms that check input bring them", () => {
  const atStart = [...loadedAtStart().values()].join('\n');
  const all = fs.readdirSync(path.join(RENDERER, 'assets')).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(RENDERER, 'assets', f), 'utf8')).join('\n');
  expect(all).toContain('ZodError');
  expect(atStart.includes('ZodError')).toBe(false);
});
