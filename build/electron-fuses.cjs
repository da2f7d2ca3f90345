// @ts-check
/**
 * electron-builder's afterPack hook: flips the Electron fuses in the packaged binary, right after
 * packing and before signing (electron-builder signs after afterPack).
 *
 * - runAsNode off, NODE_OPTIONS and --inspect ignored: the installed app cannot be turned into a
 *   plain Node runtime (background work uses worker threads, not process.fork);
 * - the app is loaded only from app.asar, and that archive's integrity is checked (Windows, macOS);
 * - grantFileProtocolExtraPrivileges stays as it is: the page is loaded from file:// (loadFile).
 *
 * A stand-in instead of the real Electron binary (an offline `electronDist`, as on machines that
 * cannot download Electron) has no fuse wire: the hook says so and skips, instead of stopping the
 * packaging. Plain CommonJS because electron-builder `require`s its hooks.
 */
const fs = require('node:fs');
const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** Marks the fuse wire in every Electron binary since version 12 (@electron/fuses' SENTINEL). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** @type {import('@electron/fuses').FuseV1Config} */
const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** The file that holds the fuse wire: the executable, or on macOS the framework inside the .app. */
function fuseFile(binary) {
  return binary.endsWith('.app') ? path.join(binary, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework') : binary;
}

/**
 * Flips the fuses of `binary`, or — a stand-in without a fuse wire — says so through `log` and
 * leaves it alone. Returns what it did.
 * @param {string} binary
 * @param {(line: string) => void} log
 * @returns {Promise<'flipped' | 'skipped'>}
 */
async function flipOrSkip(binary, log) {
  const file = fuseFile(binary);
  if (!fs.readFileSync(file).includes(SENTINEL)) {
    log(
      `Electron-Fuses nicht gesetzt: ${file} ist kein echtes Electron-Programm (Platzhalter ohne Fuse-Leitung). ` +
        'Das Paket ist nur zum Ausprobieren; Installer für die Ämter auf einem Rechner mit dem echten Electron bauen.',
    );
    return 'skipped';
  }
  await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature: binary.endsWith('.app') && process.arch === 'arm64' });
  log(`Electron-Fuses gesetzt: ${file}`);
  return 'flipped';
}

/**
 * The packaged Electron binary, named as electron-builder names it.
 * @param {import('app-builder-lib').AfterPackContext} context
 */
function packagedBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, /** @type {{ executableName: string }} */ (/** @type {unknown} */ (packager)).executableName);
}

/** @param {import('app-builder-lib').AfterPackContext} context */
async function afterPack(context) {
  await flipOrSkip(packagedBinary(context), (line) => console.log(`  • ${line}`));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.afterPack = afterPack;
module.exports.flipOrSkip = flipOrSkip;
module.exports.FUSES = FUSES;
module.exports.SENTINEL = SENTINEL;
