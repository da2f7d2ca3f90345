import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { Handlers } from '../../core/api/contract';
import type { DispatchResult } from '../../core/api/dispatcher';
import type { ChangeFeed } from '../../core/app/change-feed';
import type { CallTraffic } from '../../core/app/call-traffic';
import { API_CHANNEL, CHANGE_CHANNEL } from '../ipc-channels';

export { API_CHANNEL };

/**
 * The IPC door: every call goes through the contract's dispatcher (unknown names are
 * refused there). Calls from frames other than the app's own page are refused here. The
 * handlers may still be loading (the window opens meanwhile): calls wait for them. `traffic`
 * counts the calls (the start-up retention check waits until the start page has its answers).
 */
export function createIpcHandler(handlers: Handlers | Promise<Handlers>, isTrustedUrl: (url: string) => boolean, traffic?: CallTraffic) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, name: unknown, input: unknown): Promise<DispatchResult> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Zugriff verweigert: unbekannte Seite.' } };
    }
    const end = traffic?.begin();
    try {
      const [{ dispatch }, loaded] = await Promise.all([import('../../core/api/dispatcher'), handlers]);
      return await dispatch(loaded, name, input, {
        onUnexpectedError: (error, method) => console.error(`Fehler in ${method}:`, error),
      });
    } finally {
      end?.();
    }
  };
}

/**
 * The app's change events go to the window as one named IPC event (the preload's onChange), and
 * only while it shows the app's own page. Returns the unsubscribe.
 */
export function forwardChanges(
  changes: Pick<ChangeFeed, 'subscribe'>,
  window: () => Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'> | null,
  isTrustedUrl: (url: string) => boolean,
): () => void {
  return changes.subscribe((event) => {
    const contents = window();
    if (!contents || contents.isDestroyed() || !isTrustedUrl(contents.getURL())) return;
    contents.send(CHANGE_CHANNEL, event);
  });
}

/**
 * Only the app's own page is trusted (for IPC and navigation): exactly its file, with any
 * fragment, or in development the dev server's origin.
 */
export function trustedUrlCheck(rendererFile: string, devServerUrl?: string): (url: string) => boolean {
  const fileUrl = pathToFileURL(rendererFile).href;
  return (url) => {
    try {
      if (devServerUrl) return new URL(url).origin === new URL(devServerUrl).origin;
      const parsed = new URL(url);
      parsed.hash = '';
      parsed.search = '';
      return parsed.href === fileUrl;
    } catch {
      return false;
    }
  };
}
