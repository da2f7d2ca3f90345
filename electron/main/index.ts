import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import type { OpenAppOptions, OpenedApp } from '../../core/app/open-app';
import { resolveProcessTarget, targetOptionsFromArgv, type DatabaseTarget } from '../../core/app/database-target';
import type { DailyTasks } from '../../core/app/daily-tasks';
import { createCallTraffic, startPageServed } from '../../core/app/call-traffic';
import { API_CHANNEL, createIpcHandler, forwardChanges, trustedUrlCheck } from './ipc';
import { copyConsoleTo, openLogFile } from './log-file';
import { isExternalLink, limitPermissions, refuseWebviews } from './security';
import { loadWindowState, saveWindowState } from './window-state';

// The thin desktop shell: lifecycle, one window, one IPC channel into the dispatcher and one
// event channel out of it (the app's changes).
let core: OpenedApp | null = null;
let daily: DailyTasks | null = null;
let mainWindow: BrowserWindow | null = null;
const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = path.join(__dirname, '../renderer/index.html');

const isTrustedUrl = trustedUrlCheck(rendererFile, rendererUrl);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  refuseWebviews(app);
  app.whenReady().then(start);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    daily?.stop();
    const closing = core?.close();
    core = null;
    if (closing instanceof Promise) {
      // Office mode: the office database hears that this PC's running jobs ended before the app goes (at most 3 s).
      event.preventDefault();
      void Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 3000))]).finally(() => app.exit(0));
    }
  });
}

/**
 * Opens the window at once; the app (the API's modules, the database) loads meanwhile and the
 * page's first calls wait for it, as in browser mode. The start-up retention check waits until
 * the start page has its answers.
 */
function start(): void {
  // Warnings and errors also go to rathausbuero.log in the logs folder (userData/logs; macOS ~/Library/Logs).
  copyConsoleTo(console, openLogFile(app.getPath('logs')));
  let target: DatabaseTarget;
  try {
    // --database, --data-dir, RATHAUSBUERO_DATABASE, IT's configuration file, else this user's folder.
    target = resolveProcessTarget(targetOptionsFromArgv(process.argv), app.getPath('userData'));
  } catch (error) {
    return cannotStart(error);
  }
  const loading = openCore(target);
  const traffic = createCallTraffic();
  limitPermissions(session.defaultSession, isTrustedUrl);
  ipcMain.handle(API_CHANNEL, createIpcHandler(loading.then((opened) => opened.handlers), isTrustedUrl, traffic));
  Menu.setApplicationMenu(buildMenu());
  createWindow();
  loading.then(async (opened) => {
    core = opened;
    // What is saved (here or, in office mode, on another PC) reaches the page (preload: onChange).
    forwardChanges(opened.changes, () => mainWindow?.webContents ?? null, isTrustedUrl);
    // A read-only copy of the office database changes nothing, the daily retention check included.
    if (opened.readOnlyCopy) return;
    const { startDailyTasks } = await import('../../core/app/daily-tasks');
    daily = startDailyTasks(opened.handlers, { log: (line) => console.warn(line), firstRunAfter: startPageServed(traffic) });
  }, cannotStart);
}

/** Loads the API's modules and opens the app on the data folder's SQLite file or, in office mode, on the office database. */
async function openCore(target: DatabaseTarget): Promise<OpenedApp> {
  const { openApp, openOfficeApp } = await import('../../core/app/open-app');
  const common: Omit<OpenAppOptions, 'dataDir' | 'migrationsFolder'> = {
    source: target.source,
    templatesDir: path.join(app.getAppPath(), 'templates'),
    openFile: async (file) => {
      const problem = await shell.openPath(file);
      if (problem) throw new Error(`„${file}“ lässt sich nicht öffnen: ${problem}`);
    },
    // A backup of the whole database goes only where the user chose (see app-service.ts).
    chooseBackupFile: async (suggested) => {
      const options = {
        title: 'Datenbank sichern',
        defaultPath: suggested,
        buttonLabel: 'Sichern',
        filters: [{ name: 'Rathausbüro-Sicherung', extensions: ['sqlite'] }],
      };
      const chosen = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    appVersion: app.getVersion(),
    // Built beside this file by electron-vite (see electron.vite.config.ts).
    workerScript: new URL('./worker.js', import.meta.url),
  };
  if (target.kind === 'postgres') {
    return openOfficeApp({
      ...common,
      url: target.url,
      localDir: target.localDir,
      migrationsFolder: path.join(app.getAppPath(), 'db', 'migrations'),
      pgMigrationsFolder: path.join(app.getAppPath(), 'db', 'migrations-pg'),
    });
  }
  return openApp({
    ...common,
    dataDir: target.dataDir,
    migrationsFolder: path.join(app.getAppPath(), 'db', 'migrations'),
    nativeBinding: nativeBindingPath(),
  });
}

/** A database this version cannot use (or no database at all): the German message, then the app ends. */
function cannotStart(error: unknown): void {
  console.error('Rathausbüro kann nicht starten:', error);
  dialog.showErrorBox('Rathausbüro kann nicht starten', (error as Error).message);
  app.exit(1);
}

/** In a checkout, Electron loads its own build of better-sqlite3 (see scripts/start.mjs). */
function nativeBindingPath(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = process.env.RATHAUS_NATIVE_BINDING;
  return file && fs.existsSync(file) ? file : undefined;
}

function createWindow(): void {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  mainWindow = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    title: 'Rathausbüro',
    show: false,
    webPreferences: {
      // The preload exposes exactly invoke(name, input), into the contract's dispatcher, and
      // onChange(listener), the app's change events (preload/index.ts; names and senders
      // checked in ipc.ts).
      preload: path.join(__dirname, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // A middle click opens no new window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  if (state.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', () => {
    if (!mainWindow) return;
    saveWindowState(stateFile, { ...mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });

  // No navigation away from the app, no new windows; web links open in the system browser and
  // mailto: links in the mail program (e-mail texts of the citizen dialogue). openExternal gets
  // only such links (isExternalLink: http(s) and mailto:, never file: or other schemes).
  mainWindow.webContents.on('will-navigate', (event, url) => {
    if (isTrustedUrl(url)) return;
    event.preventDefault();
    if (url.startsWith('mailto:')) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  });
  mainWindow.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });

  if (rendererUrl) void mainWindow.loadURL(rendererUrl);
  else void mainWindow.loadFile(rendererFile);
}

function buildMenu(): Menu {
  return Menu.buildFromTemplate([
    {
      label: 'Datei',
      submenu: [
        { label: 'Datenordner öffnen', click: () => void shell.openPath(app.getPath('userData')) },
        { type: 'separator' },
        { label: 'Beenden', role: 'quit' },
      ],
    },
    {
      label: 'Bearbeiten',
      submenu: [
        { label: 'Rückgängig', role: 'undo' },
        { label: 'Wiederholen', role: 'redo' },
        { type: 'separator' },
        { label: 'Ausschneiden', role: 'cut' },
        { label: 'Kopieren', role: 'copy' },
        { label: 'Einfügen', role: 'paste' },
        { label: 'Alles auswählen', role: 'selectAll' },
      ],
    },
    {
      label: 'Ansicht',
      submenu: [
        { label: 'Neu laden', role: 'reload' },
        { label: 'Vergrößern', role: 'zoomIn' },
        { label: 'Verkleinern', role: 'zoomOut' },
        { label: 'Originalgröße', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Vollbild', role: 'togglefullscreen' },
      ],
    },
  ]);
}
