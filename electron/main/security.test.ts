import { EventEmitter } from 'node:events';
import type { App, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { isExternalLink, limitPermissions, permissionAllowed, refuseWebviews } from './security';

const APP = 'file:///opt/Rathausb%C3%BCro/resources/app.asar/out/renderer/index.html';
const trusted = (url: string) => url.startsWith(APP);

describe('permissions of the page', () => {
  it.each([
    ['clipboard-sanitized-write', APP, undefined, true],
    ['openExternal', APP, 'mailto:buergerdialog@stadt-duisburg.de', true],
    ['openExternal', APP, 'https://www.duisburg.de/', true],
    ['openExternal', APP, 'file:///etc/passwd', false],
    ['openExternal', APP, 'ms-msdt:/id PCWDiagnostic', false],
    ['clipboard-read', APP, undefined, false],
    ['media', APP, undefined, false],
    ['geolocation', APP, undefined, false],
    ['notifications', APP, undefined, false],
    ['fullscreen', APP, undefined, false],
    ['hid', APP, undefined, false],
    ['clipboard-sanitized-write', 'https://evil.example/', undefined, false],
    ['openExternal', 'https://evil.example/', 'https://www.duisburg.de/', false],
  ])('%s from %s (%s) → %s', (permission, requestingUrl, externalURL, expected) => {
    expect(permissionAllowed(permission, { requestingUrl, externalURL }, trusted)).toBe(expected);
  });
});

describe('external links', () => {
  it.each([
    ['https://www.duisburg.de/', true],
    ['http://localhost:3000/', true],
    ['mailto:presse@stadt-duisburg.de', true],
    ['javascript:alert(1)', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['smb://server/share', false],
  ])('%s → %s', (url, expected) => {
    expect(isExternalLink(url)).toBe(expected);
  });
});

describe('the policy attached to Electron', () => {
  it('refuses every <webview> of every web contents the app creates', () => {
    const app = new EventEmitter();
    refuseWebviews(app as unknown as App);
    const contents = new EventEmitter();
    app.emit('web-contents-created', {}, contents);
    let prevented = 0;
    contents.emit('will-attach-webview', { preventDefault: () => prevented++ }, {}, {});
    expect(prevented).toBe(1);
  });

  it('answers permission requests and checks of the session by the policy', () => {
    type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
    type CheckHandler = (contents: unknown, permission: string, origin: string, details: object) => boolean;
    let request: RequestHandler | undefined;
    let check: CheckHandler | undefined;
    const session = {
      setPermissionRequestHandler: (handler: RequestHandler) => void (request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => void (check = handler),
    };
    limitPermissions(session as unknown as Session, trusted);
    const answers: boolean[] = [];
    request!({}, 'openExternal', (granted) => answers.push(granted), { requestingUrl: APP, externalURL: 'mailto:presse@stadt-duisburg.de' });
    request!({}, 'openExternal', (granted) => answers.push(granted), { requestingUrl: APP, externalURL: 'file:///etc/passwd' });
    request!({}, 'media', (granted) => answers.push(granted), { requestingUrl: APP });
    expect(answers).toEqual([true, false, false]);
    expect(check!({}, 'clipboard-sanitized-write', 'file://', { requestingUrl: APP })).toBe(true);
    expect(check!({}, 'clipboard-sanitized-write', 'https://evil.example', { requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(check!({}, 'geolocation', 'file://', {})).toBe(false);
  });
});
