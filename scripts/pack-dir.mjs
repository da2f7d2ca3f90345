#!/usr/bin/env node
// `npm run pack:dir`: packs Rathausbüro into an unpacked app folder (electron-builder `--dir`,
// Linux x64) on a machine that cannot download Electron, so the packaging step itself runs and
// its result can be checked (tests/build/packed-app.test.ts).
//
// - Electron: a stand-in distribution laid out like Electron's linux-x64 zip (an `electron`
//   program that only says it is a stand-in, `resources/`, `locales/`, LICENSE, version), passed
//   as `electronDist`. The packed folder does not start: it is for checking its contents.
// - better-sqlite3: `npmRebuild: false`, so the packed copy is node_modules' build for Node, not
//   for Electron. node_modules is never rebuilt in place (shared/TOOLCHAIN.md); on a machine with
//   internet `npm run dist` rebuilds it for Electron inside the package.
// - Skipped, each with a line: the Electron fuses (a stand-in has none; build/electron-fuses.cjs
//   says so), the installers (NSIS, MSI, deb, AppImage need downloads).
//
// Options: --out DIR (default: release/), --no-build (pack the existing out/ as it is).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function option(name) {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}
const outDir = path.resolve(option('--out') ?? path.join(root, 'release'));
const build = !process.argv.includes('--no-build');

const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

/** A folder shaped like Electron's linux-x64 zip, with a stand-in instead of the program. */
function standInElectron(dir) {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'electron'),
    '#!/bin/sh\necho "Platzhalter für Electron: dieses Paket dient nur zur Prüfung seines Inhalts und startet nicht." >&2\nexit 1\n',
    { mode: 0o755 },
  );
  for (const locale of ['de', 'en-US']) fs.writeFileSync(path.join(dir, 'locales', `${locale}.pak`), '');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in for the Electron distribution (no Electron code).\n');
  fs.writeFileSync(path.join(dir, 'version'), electronVersion);
}

if (build) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const say = (line) => console.log(`  • ${line}`);
say(`Electron ${electronVersion} kann hier nicht geladen werden: gepackt wird mit einem Platzhalter (electronDist) – der Ordner ist nur zum Prüfen des Inhalts, er startet nicht.`);
say('better-sqlite3 wird nicht für Electron neu gebaut (npmRebuild: false): im Paket liegt der Node-Build aus node_modules; node_modules bleibt unverändert.');
say('Installer (NSIS, MSI, deb, AppImage) übersprungen: sie brauchen Downloads von GitHub. Dafür „npm run dist“ auf einem Rechner mit Internetzugang.');

const standIn = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-electron-stand-in-'));
try {
  standInElectron(standIn);
  const { build: pack, Platform, Arch } = require('electron-builder');
  await pack({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: {
      electronVersion,
      electronDist: standIn,
      npmRebuild: false,
      directories: { output: outDir },
    },
    publish: 'never',
  });
} finally {
  fs.rmSync(standIn, { recursive: true, force: true });
}
console.log(`Gepackt: ${path.join(outDir, 'linux-unpacked')}`);
