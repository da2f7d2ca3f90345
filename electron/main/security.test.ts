import { describe, expect, it } from 'vitest';
import { isExternalLink, permissionAllowed } from './security';

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
