/** The IPC channels between the shell's main process and its preload; there are no others. */

/** The page's calls into the dispatcher (ipcRenderer.invoke → ipcMain.handle). */
export const API_CHANNEL = 'api';

/** The app's change events, main process → page (webContents.send → ipcRenderer.on). */
export const CHANGE_CHANNEL = 'changes';
