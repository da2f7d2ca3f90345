import { pathToFileURL } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { dispatch, type DispatchResult, type Handlers } from '../../core/api';

/** The one IPC channel; the preload exposes nothing else. */
export const API_CHANNEL = 'api';

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
