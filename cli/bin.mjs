#!/usr/bin/env node
// The `rathausbuero` command. Runs the build (out/main/cli.js, from `npm run build`); in a
// checkout without a current build, the TypeScript sources through tsx (see launch.mjs).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chooseEntry } from './launch.mjs';

const entry = chooseEntry(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
if (!entry.built) {
  // Told to a person at the console; a program reading stderr (a script, the tests) gets only the command's own output.
  if (process.stderr.isTTY) process.stderr.write(`${entry.reason}\n`);
  const { register } = await import('tsx/esm/api');
  register();
}
const { run } = await import(pathToFileURL(entry.file).href);
await run(process.argv.slice(2));
