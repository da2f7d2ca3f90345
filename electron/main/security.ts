import type { App, Session } from 'electron';

/** Links that leave the app: web pages open in the system browser, mailto: in the mail program. */
export function isExternalLink(url: string): boolean {
  return /^(https?:\/\/|mailto:)/.test(url);
}

/**
 * What the app's own page may ask Chromium for: writing to the clipboard (the copy buttons of
 * e-mail texts, greetings and text blocks) and handing an external link to the system. Camera,
 * microphone, location, notifications, reading the clipboard, HTML fullscreen and everything
 * else are refused, and any other page gets nothing.
 */
export function permissionAllowed(
  permission: string,
  request: { requestingUrl: string; externalURL?: string },
  isTrustedUrl: (url: string) => boolean,
): boolean {
  if (!isTrustedUrl(request.requestingUrl)) return false;
  if (permission === 'clipboard-sanitized-write') return true;
  if (permission === 'openExternal') return request.externalURL !== undefined && isExternalLink(request.externalURL);
  return false;
}

/** Applies the permission policy to a session, for requests and for checks. */
export function limitPermissions(session: Session, isTrustedUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    const externalURL = 'externalURL' in details ? details.externalURL : undefined;
    callback(permissionAllowed(permission, { requestingUrl: details.requestingUrl, externalURL }, isTrustedUrl));
  });
  session.setPermissionCheckHandler((_webContents, permission, _origin, details) =>
    permissionAllowed(permission, { requestingUrl: details.requestingUrl ?? '' }, isTrustedUrl),
  );
}

/** No <webview> ever: the app has none, and one could load any page with preferences of its own. */
export function refuseWebviews(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
