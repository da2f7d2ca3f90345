import type { ChangeEvent } from './change-areas';
import type { DispatchResult } from './dispatcher';

/**
 * What the desktop app's preload gives the page as `window.rathaus` (electron/preload), and all
 * it gives: the one door into the dispatcher, and the app's change events.
 */
export interface DesktopBridge {
  /** Calls one API method through the dispatcher (electron/main/ipc.ts). */
  invoke(name: string, input: unknown): Promise<DispatchResult>;
  /** Calls `listener` with every change event of the app; returns the unsubscribe. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
}
