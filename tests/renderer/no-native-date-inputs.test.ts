import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const RENDERER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../renderer/src');

/** Every .ts/.tsx file of the renderer, relative to renderer/src. */
function sources(dir = RENDERER): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) ? [path.relative(RENDERER, file)] : [];
  });
}

describe('dates in the renderer', () => {
  it('uses no native date or time input (they follow the browser’s language, e.g. mm/dd/yyyy), only components/DateInputs', () => {
    const native = /type=(?:"|'|\{\s*')(?:date|time|datetime-local|month|week)(?:"|')|'datetime-local'/;
    const offenders = sources().flatMap((file) =>
      fs
        .readFileSync(path.join(RENDERER, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (native.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
