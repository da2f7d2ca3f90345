/**
 * The preload, run against a stand-in for electron's renderer modules: the page gets exactly
 * `invoke` and `onChange`, each on its one channel, and a listener it removes hears nothing more.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent, DesktopBridge } from '../../core/api';
import { API_CHANNEL, CHANGE_CHANNEL } from '../ipc-channels';

const electron = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
    ipcRenderer: {
      invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, data: args })),
      on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

/** The main process sends a change to the page. */
const send = (channel: string, change: ChangeEvent) => {
  for (const listener of electron.listeners.get(channel) ?? []) listener({ sender: null }, change);
};

describe('the preload', () => {
  let bridge: DesktopBridge;
  beforeAll(async () => {
    await import('./index');
    bridge = electron.exposed.rathaus as DesktopBridge;
  });

  it('gives the page invoke and onChange, nothing else', () => {
    expect(Object.keys(electron.exposed)).toEqual(['rathaus']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onChange']);
  });

  it('invoke goes to the dispatcher channel', async () => {
    await bridge.invoke('app.info', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(API_CHANNEL, 'app.info', {});
  });

  it('onChange passes on the change events, without electron’s event object, until it is removed', () => {
    const heard: ChangeEvent[] = [];
    const stop = bridge.onChange((event) => heard.push(event));
    const change: ChangeEvent = { type: 'change', areas: ['contacts'], method: 'contacts.create', at: '2026-11-27T09:00:00.000Z', origin: 'a' };
    send(CHANGE_CHANNEL, change);
    send('other', { type: 'resync', at: 'x' });
    expect(heard).toEqual([change]);
    stop();
    send(CHANGE_CHANNEL, { type: 'resync', at: 'y' });
    expect(heard).toEqual([change]);
    expect(electron.listeners.get(CHANGE_CHANNEL)?.size).toBe(0);
  });
});
