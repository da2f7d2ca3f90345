/**
 * The installers' configuration, read and checked by electron-builder's own loader and schema,
 * and its fuse hook (build/electron-fuses.cjs) run on binaries made here: packaging itself needs
 * the real Electron binary, which this machine cannot fetch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
const load = createRequire(require.resolve('electron-builder/package.json'));
const { getConfig, validateConfiguration } = load('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { resolveFunction } = load('app-builder-lib/out/util/resolve') as {
  resolveFunction(type: string, executor: unknown, name: string, root: string): Promise<(context: unknown) => Promise<void>>;
};
const { DebugLogger } = load('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const { getCurrentFuseWire } = load('@electron/fuses') as { getCurrentFuseWire(file: string): Promise<Record<string, unknown>> };
const hook = require('../../build/electron-fuses.cjs') as {
  flipOrSkip(binary: string, log: (line: string) => void): Promise<'flipped' | 'skipped'>;
  SENTINEL: string;
};

const DISABLE = 48;
const ENABLE = 49;

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const tempDir = (): string => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "rathaus-fuses-")));

/** A file laid out like an Electron binary's fuse wire: sentinel, version 1, 8 fuses as Electron ships them. */
function fakeElectron(file: string): void {
  const shipped = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];
  fs.writeFileSync(file, Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from(hook.SENTINEL), Buffer.from([1, 8, ...shipped]), Buffer.from('…more code')]));
}

describe('the installers', () => {
  it("are configured as electron-builder's schema allows, with the fuse hook after packing", async () => {
    const config = await getConfig(ROOT, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    // electron-builder's own flipping would stop the packaging with a stand-in: the hook does it.
    expect(config.electronFuses).toBeUndefined();
    const afterPack = await resolveFunction('afterPack', config.afterPack, 'afterPack', ROOT);
    expect(typeof afterPack).toBe('function');
  });

  it('pack every folder the app reads at run time: both engines\' migrations and the Word templates', async () => {
    const config = await getConfig(ROOT, null, null);
    const { minimatch } = load('minimatch') as { minimatch(file: string, pattern: string, options?: { dot?: boolean }): boolean };
    // As electron-builder normalises it: [{ filter: [...patterns] }].
    const patterns = (config.files as Array<{ filter: string[] }>).flatMap((set) => set.filter);
    const packed = (file: string) => {
      let included = false;
      for (const pattern of patterns) {
        if (pattern.startsWith('!')) included &&= !minimatch(file, pattern.slice(1), { dot: true });
        else included ||= minimatch(file, pattern, { dot: true });
      }
      return included;
    };
    for (const folder of ['db/migrations', 'db/migrations-pg', 'templates']) {
      const files = (fs.readdirSync(path.join(ROOT, folder), { recursive: true }) as string[])
        .map((file) => `${folder}/${file.split(path.sep).join('/')}`)
        .filter((file) => fs.statSync(path.join(ROOT, file)).isFile());
      expect(files.length).toBeGreaterThan(0);
      expect(files.filter((file) => !packed(file))).toEqual([]);
    }
  });

  it('install as IT needs them: per machine, in German only, no auto-update (IT distributes versions), data kept on uninstall', async () => {
    const config = await getConfig(ROOT, null, null);
    // No update provider: no app-update.yml in the package, nothing checks GitHub or a server for updates.
    expect(config.publish).toBeNull();
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    expect({ ...manifest.dependencies, ...manifest.devDependencies }).not.toHaveProperty('electron-updater');
    const nsis = config.nsis as Record<string, unknown>;
    expect(nsis).toMatchObject({ oneClick: false, perMachine: true, deleteAppDataOnUninstall: false });
    expect(config.msi).toMatchObject({ perMachine: true });
    // The installer's languages as electron-builder's NSIS target decides them.
    const { LangConfigurator } = load('app-builder-lib/out/targets/nsis/nsisLang') as { LangConfigurator: new (options: unknown) => { langs: string[] } };
    expect(new LangConfigurator(nsis).langs).toEqual(['de_DE']);
  });

  it("carry the app's own icon from build/: a 512-pixel PNG, and for Windows an .ico with 256 down to 16 pixels", async () => {
    const config = await getConfig(ROOT, null, null);
    const resources = path.join(ROOT, (config.directories as { buildResources: string }).buildResources);
    /** Width and height from a PNG's header (IHDR). */
    const pngSize = (png: Buffer) => {
      expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(pngSize(fs.readFileSync(path.join(resources, 'icon.png')))).toEqual([512, 512]);
    const ico = fs.readFileSync(path.join(resources, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry) || 256;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      expect(pngSize(png)).toEqual([size, size]);
      return size;
    });
    expect(sizes).toEqual(expect.arrayContaining([256, 48, 32, 16]));
  });

  it('flips the fuses of a real binary: no Node mode, no NODE_OPTIONS or --inspect, only the app.asar, its integrity checked', async () => {
    const config = await getConfig(ROOT, null, null);
    const afterPack = await resolveFunction('afterPack', config.afterPack, 'afterPack', ROOT);
    const appOutDir = tempDir();
    fakeElectron(path.join(appOutDir, 'rathausbuero'));
    await afterPack({ appOutDir, electronPlatformName: 'linux', packager: { executableName: 'rathausbuero', appInfo: { productFilename: 'Rathausbüro' } } });
    const wire = await getCurrentFuseWire(path.join(appOutDir, 'rathausbuero'));
    // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8 snapshot and file:// privileges as shipped.
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => wire[i])).toEqual([DISABLE, ENABLE, DISABLE, DISABLE, ENABLE, ENABLE, DISABLE, ENABLE]);
  });

  it('says so and skips with a stand-in instead of the real Electron binary, leaving it as it was', async () => {
    const binary = path.join(tempDir(), 'Rathausbüro.exe');
    fs.writeFileSync(binary, '#!/bin/sh\necho "Platzhalter für Electron"\n');
    const lines: string[] = [];
    expect(await hook.flipOrSkip(binary, (line) => lines.push(line))).toBe('skipped');
    expect(lines).toEqual([expect.stringMatching(/^Electron-Fuses nicht gesetzt: .*Rathausbüro\.exe ist kein echtes Electron-Programm/)]);
    expect(fs.readFileSync(binary, 'utf8')).toBe('#!/bin/sh\necho "Platzhalter für Electron"\n');
  });
});
