import { contextBridge, ipcRenderer } from 'electron';

// Exposes exactly one function to the page: invoke(name, input) → the dispatcher's result.
contextBridge.exposeInMainWorld('rathaus', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('api', name, input),
});
