// Which code the `rathausbuero` command runs: the build (out/main/cli.js, made by `npm run build`)
// or, in a checkout where it is missing or older than the sources, the TypeScript sources through
// tsx (a development dependency, slow to start). Plain JavaScript: it runs before anything compiles.
import fs from 'node:fs';
import path from 'node:path';

/** The folders whose TypeScript goes into out/main/cli.js. */
const SOURCE_FOLDERS = ['cli', 'core', 'db'];

/** Newest modification time (ms) of the CLI's TypeScript sources under `root`; 0 where there are none (an installed app). */
export function newestSourceTime(root) {
  let newest = 0;
  for (const folder of SOURCE_FOLDERS) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * `{ file, built: true }` for the build; `{ file, built: false, reason }` for the sources, with a
 * one-line German reason for the console.
 */
export function chooseEntry(root) {
  const built = path.join(root, 'out', 'main', 'cli.js');
  const source = path.join(root, 'cli', 'main.ts');
  if (!fs.existsSync(built)) {
    return { file: source, built: false, reason: 'Rathausbüro: Die gebaute Kommandozeile (out/main/cli.js) fehlt – es laufen die Quellen über tsx (langsamer Start); „npm run build“ baut sie.' };
  }
  if (fs.statSync(built).mtimeMs < newestSourceTime(root)) {
    return { file: source, built: false, reason: 'Rathausbüro: Die Quellen sind neuer als die gebaute Kommandozeile (out/main/cli.js) – es laufen die Quellen über tsx (langsamer Start); „npm run build“ baut sie neu.' };
  }
  return { file: built, built: true };
}
