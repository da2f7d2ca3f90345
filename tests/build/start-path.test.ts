/**
 * What browser mode loads before the start page can be answered: out/main/cli.js and the chunks
 * `serve` loads for the API, with everything they import statically. Libraries only some
 * commands, modes or documents need stay out of it (they load when used).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const OUT = path.resolve(__dirname, '../../out/main');

/** The bare (package) imports of a built file and of every chunk it imports statically, transitively. */
function staticPackages(file: string, seen = new Set<string>(), bundled?: Set<string>): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const code = fs.readFileSync(file, 'utf8');
  // The bundler names each bundled module's source above it: `// node_modules/ical.js/dist/ical.js`.
  for (const match of code.matchAll(/^\/\/ node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)) bundled?.add(match[1]!);
  for (const match of code.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)";|^import\s*"([^"]+)";/gm)) {
    const specifier = match[1] ?? match[2];
    if (!specifier) continue;
    if (specifier.startsWith('./') || specifier.startsWith('../')) {
      for (const p of staticPackages(path.resolve(path.dirname(file), specifier), seen, bundled)) packages.add(p);
    } else if (!specifier.startsWith('node:')) packages.add(specifier);
  }
  return packages;
}

it('serve listens on light imports: out/main/cli.js loads no library', () => {
  expect([...staticPackages(path.join(OUT, 'cli.js'))]).toEqual([]);
});

it("the API's modules that serve loads hold neither docx, pg, nor exceljs (documents, office mode and workbooks load when used)", () => {
  const cli = fs.readFileSync(path.join(OUT, 'cli.js'), 'utf8');
  // The chunks `loadApp` imports (and `call`, `import`, …): every dynamic import of cli.js but the office-mode commands.
  const chunks = [...cli.matchAll(/import\("(\.\/chunks\/[^"]+)"\)/g)].map((m) => m[1]!).filter((chunk) => !chunk.includes('db-commands'));
  expect(chunks.length).toBeGreaterThan(2);
  const loaded = new Set<string>();
  for (const chunk of chunks) for (const p of staticPackages(path.join(OUT, chunk))) loaded.add(p);
  expect(loaded.has('better-sqlite3')).toBe(true);
  expect([...loaded].filter((p) => /^(docx|pg|pg-copy-streams|exceljs)(\/|$)/.test(p))).toEqual([]);
});

it('the bundled libraries that serve loads at start leave out those of imports, exports and comparisons (iCalendar, e-mail, diff)', () => {
  const cli = fs.readFileSync(path.join(OUT, 'cli.js'), 'utf8');
  const chunks = [...cli.matchAll(/import\("(\.\/chunks\/[^"]+)"\)/g)].map((m) => m[1]!).filter((chunk) => !chunk.includes('db-commands'));
  const bundled = new Set<string>();
  const seen = new Set<string>();
  for (const chunk of chunks) staticPackages(path.join(OUT, chunk), seen, bundled);
  // The check sees bundled libraries at all: the calendar's recurrence rules are needed at start.
  expect(bundled.has('rrule')).toBe(true);
  expect([...bundled].filter((p) => ['ical.js', 'ical-generator', 'postal-mime', 'diff'].includes(p))).toEqual([]);
});
