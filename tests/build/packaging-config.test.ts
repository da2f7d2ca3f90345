/**
 * The installers' configuration, read and checked by electron-builder's own loader and schema
 * (offline: packaging itself needs the real Electron binary, which this machine cannot fetch).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const load = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const { getConfig, validateConfiguration } = load('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = load('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

it('flips the Electron fuses when packaging: no Node mode, only the app.asar, its integrity checked', async () => {
  const config = await getConfig(ROOT, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  expect(config.electronFuses).toEqual({
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  });
});
