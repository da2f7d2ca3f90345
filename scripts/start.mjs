#!/usr/bin/env node
// `npm start`: opens the Rathausbüro window with Electron. Where the Electron binary cannot
// be had (an offline machine), it says so in one line and serves the same app in browser mode.
//
// Electron needs better-sqlite3 built for its own ABI. That copy is built once by
// @electron/rebuild into .electron-native/ and handed to the main process, so node_modules
// keeps the Node build that the tests and the CLI use (see shared TOOLCHAIN.md).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

/** The Electron binary, or null where it is missing and cannot be downloaded. */
function electronBinary() {
  // electron's index downloads the binary lazily; ask in a child so its noise stays out of sight.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  const binary = probe.status === 0 ? probe.stdout.trim() : '';
  return binary && fs.existsSync(binary) ? binary : null;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function build() {
  run(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn']);
}

/** Builds better-sqlite3 for this Electron once, into .electron-native/<version>/. */
async function electronNativeBinding() {
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const folder = path.join(root, '.electron-native', electronVersion);
  const binding = path.join(folder, 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  console.log(`Einmalig: better-sqlite3 wird für Electron ${electronVersion} gebaut …`);
  const work = path.join(folder, 'work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, 'node_modules'), { recursive: true });
  fs.cpSync(path.join(root, 'node_modules/better-sqlite3'), path.join(work, 'node_modules/better-sqlite3'), { recursive: true });
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'native', version: '1.0.0', dependencies: { 'better-sqlite3': '*' } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  fs.copyFileSync(path.join(work, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), binding);
  fs.rmSync(work, { recursive: true, force: true });
  return binding;
}

const binary = electronBinary();
if (!binary) {
  console.log('Electron ist auf diesem Rechner nicht verfügbar (Programmdatei fehlt) – Rathausbüro startet stattdessen im Browser-Modus.');
  build();
  const child = spawn(process.execPath, [path.join(root, 'cli/bin.mjs'), 'serve', ...passThrough], { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  build();
  const nativeBinding = await electronNativeBinding();
  const child = spawn(binary, [root, ...passThrough], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, RATHAUS_NATIVE_BINDING: nativeBinding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
