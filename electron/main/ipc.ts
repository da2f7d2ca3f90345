import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch, type DispatchResult, type Handlers } from '../../core/api';
import type { ChangeFeed } from '../../core/app/change-feed';
import { API_CHANNEL, CHANGE_CHANNEL } from '../ipc-channels';

export { API_CHANNEL };

/**
 * The IPC door: every call goes through the contract's dispatcher (unknown names are
 * refused there). Calls from frames other than the app's own page are refused here.
 */
export function createIpcHandler(handlers: Handlers, isTrustedUrl: (url: string) => boolean) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, name: unknown, input: unknown): Promise<DispatchResult> => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Zugriff verweigert: unbekannte Seite.' } };
    }
    return dispatch(handlers, name, input, {
      onUnexpectedError: (error, method) => console.error(`Fehler in ${method}:`, error),
    });
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
