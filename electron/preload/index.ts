import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChangeEvent, DesktopBridge } from '../../core/api';
import { API_CHANNEL, CHANGE_CHANNEL } from '../ipc-channels';

// Exposes exactly two functions to the page (core/api/desktop-bridge.ts): invoke(name, input) →
// the dispatcher's result, and onChange(listener) → the app's change events until unsubscribed.
const bridge: DesktopBridge = {
  invoke: (name, input) => ipcRenderer.invoke(API_CHANNEL, name, input),
  onChange(listener) {
    // The page never sees electron's event object (it carries the sender).
    const forward = (_event: IpcRendererEvent, change: ChangeEvent) => listener(change);
    ipcRenderer.on(CHANGE_CHANNEL, forward);
    return () => void ipcRenderer.removeListener(CHANGE_CHANNEL, forward);
  },
};
contextBridge.exposeInMainWorld('rathaus', bridge);
