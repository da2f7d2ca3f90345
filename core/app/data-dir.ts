import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'Rathausbüro';
export const DATA_FILE_NAME = 'rathausbuero.sqlite';

/**
 * The data folder when none is given: the same folder Electron uses as `userData` for
 * this app, so the desktop app, the CLI and browser mode share one data file.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

export function dataFileIn(dataDir: string): string {
  return path.join(dataDir, DATA_FILE_NAME);
}
