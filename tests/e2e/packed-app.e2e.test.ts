/**
 * The packaging step itself, run here: `scripts/pack-dir.mjs` (`npm run pack:dir`) packs the built
 * app (out/, built by `npm run build`, which `npm test` runs first) with a stand-in Electron into
 * an unpacked folder, and this test reads the packed `resources/app.asar` back. Packing writes a
 * large archive and takes minutes on a busy two-core machine, so it runs with the end-to-end tests.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
// electron-builder's own archive reader (its dependency, not the app's).
const asar = createRequire(require.resolve('electron-builder/package.json'))('@electron/asar') as {
  listPackage(archive: string, options?: { isPack: boolean }): string[];
  statFile(archive: string, file: string): { size?: number; unpacked?: boolean; files?: unknown };
  extractFile(archive: string, file: string): Buffer;
};

/**
 * The archive's size budget. Measured: 125 MB (December 2026; before source maps, TypeScript and
 * better-sqlite3's SQLite sources were left out: 182 MB). Of it the main bundle and the page ~7 MB,
 * both engines' migrations ~6 MB, the rest the production node_modules: docx, date-holidays'
 * astronomical tables (astronomia), date-fns, exceljs, and the page's libraries (recharts,
 * FullCalendar, …), which the page bundle already holds. 150 MB leaves a fifth for new libraries;
 * a jump past it means something that does not belong (a second dependency tree, sources, build
 * folders) got in.
 */
const ASAR_BUDGET_MB = 150;

const NATIVE_MODULE = path.join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let outDir: string;
let appDir: string;
let archive: string;
let files: string[];
let log: string;
let nativeBefore: string;

beforeAll(async () => {
  for (const bundle of ['out/main/index.js', 'out/main/worker.js', 'out/main/cli.js', 'out/renderer/index.html']) {
    expect(fs.existsSync(path.join(ROOT, bundle)), `${bundle} fehlt: erst „npm run build“`).toBe(true);
  }
  nativeBefore = sha256(path.join(ROOT, NATIVE_MODULE));
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rathaus-pack-'));
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/pack-dir.mjs'), '--no-build', '--out', outDir], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  log = stdout + stderr;
  appDir = path.join(outDir, 'linux-unpacked');
  archive = path.join(appDir, 'resources', 'app.asar');
  // Paths inside the archive, without the leading slash, with forward slashes.
  files = asar.listPackage(archive, { isPack: false }).map((file) => file.split(path.sep).join('/').replace(/^\//, ''));
}, 900_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('the packed app folder (stand-in Electron)', () => {
  it('says which steps it skipped: Electron and the native module are stand-ins, no fuses, no installers', () => {
    expect(log).toContain('gepackt wird mit einem Platzhalter (electronDist)');
    expect(log).toContain('npmRebuild: false');
    expect(log).toMatch(/Electron-Fuses nicht gesetzt: .*rathausbuero ist kein echtes Electron-Programm/);
    expect(log).toContain('Installer (NSIS, MSI, deb, AppImage) übersprungen');
    expect(fs.existsSync(path.join(appDir, 'rathausbuero'))).toBe(true);
  });

  it('has no update configuration: IT distributes the versions', () => {
    expect(fs.readdirSync(path.join(appDir, 'resources')).sort()).toEqual(['app.asar', 'app.asar.unpacked']);
  });

  it('holds the main bundle, the background worker, the command line and the page; package.json names the main bundle', () => {
    for (const bundle of ['out/main/index.js', 'out/main/worker.js', 'out/main/cli.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(files).toContain(bundle);
    }
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string; productName: string };
    expect(manifest).toMatchObject({ main: 'out/main/index.js', productName: 'Rathausbüro' });
  });

  it("holds both engines' migrations, each as in the checkout", () => {
    expect(files).toContain('db/migrations/meta/_journal.json');
    expect(files).toContain('db/migrations-pg/meta/_journal.json');
    for (const folder of ['db/migrations', 'db/migrations-pg']) {
      const sql = fs.readdirSync(path.join(ROOT, folder)).filter((file) => file.endsWith('.sql'));
      expect(sql.length).toBeGreaterThan(0);
      for (const file of sql) expect(files).toContain(`${folder}/${file}`);
      const journal = `${folder}/meta/_journal.json`;
      expect(asar.extractFile(archive, journal).equals(fs.readFileSync(path.join(ROOT, journal)))).toBe(true);
    }
  });

  it('holds every Word template and their manifest', () => {
    const manifest = JSON.parse(asar.extractFile(archive, 'templates/manifest.json').toString('utf8')) as unknown;
    expect(manifest).toEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'templates/manifest.json'), 'utf8')));
    const docx = fs.readdirSync(path.join(ROOT, 'templates')).filter((file) => file.endsWith('.docx'));
    expect(docx.length).toBeGreaterThan(0);
    expect(docx.filter((file) => !files.includes(`templates/${file}`))).toEqual([]);
  });

  it('keeps the native module outside the archive (app.asar.unpacked), as node_modules built it: node_modules is not rebuilt in place', () => {
    const inArchive = NATIVE_MODULE.split(path.sep).join('/');
    expect(asar.statFile(archive, inArchive).unpacked).toBe(true);
    const unpacked = path.join(appDir, 'resources', 'app.asar.unpacked', NATIVE_MODULE);
    expect(sha256(unpacked)).toBe(nativeBefore);
    expect(sha256(path.join(ROOT, NATIVE_MODULE))).toBe(nativeBefore);
    // Only the compiled module of better-sqlite3, not the SQLite sources it was built from.
    expect(files.filter((file) => /^node_modules\/better-sqlite3\/(deps|src|build\/Release\/obj)\//.test(file))).toEqual([]);
    expect(files).not.toContain('node_modules/better-sqlite3/build/Release/test_extension.node');
  });

  it('holds no tests, no source maps and no TypeScript: no sources of core, db, cli, electron or the page', () => {
    expect(files.filter((file) => /\.test\./.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /\.[mc]?ts$/.test(file))).toEqual([]);
    expect(files.filter((file) => /^(core|cli|electron|renderer|tests|scripts|bench)\//.test(file))).toEqual([]);
    expect(files.filter((file) => /^db\//.test(file) && !/^db\/migrations(-pg)?(\/|$)/.test(file))).toEqual([]);
  });

  it(`stays within its size budget (${ASAR_BUDGET_MB} MB)`, () => {
    const megabytes = fs.statSync(archive).size / 1e6;
    expect(megabytes).toBeLessThan(ASAR_BUDGET_MB);
  });
});
