/**
 * Working together (issue 14): what one page saves, another page of the same served app shows
 * without a reload — through the bridge's change stream (cli/change-stream.ts) into the page's
 * query cache (renderer/src/api/follow-changes.ts) — and a page whose stream drops opens it again.
 */
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useBrowserSession } from './browser-mode';
import { pageApi } from './page-api';

/** Today, as the week view finds it (FullCalendar shows the app's local times as UTC). */
const today = new Date().toISOString().slice(0, 10);

/**
 * The second page's network: a TCP relay on [::1] with the server's port (a loopback address the
 * bridge accepts as Host), so the test can cut the page's connections — as a network drop or a
 * computer waking from sleep does — while the server keeps running.
 */
async function relayTo(port: number) {
  const sockets = new Set<net.Socket>();
  let down = false;
  const cut = () => {
    down = true;
    for (const socket of sockets) socket.destroy();
  };
  const server = net.createServer((incoming) => {
    if (down) return void incoming.destroy();
    const outgoing = net.connect(port, '127.0.0.1');
    for (const [from, to] of [
      [incoming, outgoing],
      [outgoing, incoming],
    ]) {
      sockets.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
    }
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '::1', () => resolve()));
  return {
    /** Drops every open connection and refuses new ones until `restore`. */
    cut,
    restore: () => void (down = false),
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}

describe('two pages on one served app (browser mode, Chromium)', () => {
  const session = useBrowserSession('live-changes', { serverArgs: ['--demo'] });
  /** "PC 1" is the session's page; "PC 2" a page in a second browser context, reaching the server through the relay. */
  let other: Page;
  let relay: Awaited<ReturnType<typeof relayTo>>;
  /** The change streams the second page opened (each with a ticket of its own). */
  const streams: string[] = [];

  beforeAll(async () => {
    const url = new URL(session.server.url);
    relay = await relayTo(Number(url.port));
    other = await session.page.context().browser()!.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
    other.on('request', (request) => {
      if (new URL(request.url()).pathname === '/events') streams.push(request.url());
    });
    await session.page.goto(session.server.url);
    await other.goto(`http://[::1]:${url.port}/${url.hash}`);
    // Marks the second page: a reload would lose the mark.
    await other.evaluate('window.notReloaded = true');
  });
  afterAll(async () => {
    await other?.context().close();
    await relay?.close();
  });

  const notReloaded = async () => expect(await other.evaluate('window.notReloaded')).toBe(true);
  const appointment = (title: string) => other.locator('.fc-event').filter({ hasText: title });

  it('a contact saved on one page appears in the other page’s search without a reload', async () => {
    await other.getByRole('tab', { name: 'Kontakte', exact: true }).click();
    await other.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).fill('Jördis Weißenfels');
    const rows = other.getByRole('row').filter({ hasText: 'Jördis Weißenfels' });
    await expect.poll(() => other.getByText('Keine Kontakte gefunden.').isVisible()).toBe(true);

    const page = session.page;
    await page.getByRole('tab', { name: 'Kontakte', exact: true }).click();
    await page.getByRole('button', { name: 'Neuer Kontakt' }).click();
    const form = page.getByRole('form', { name: 'Kontakt bearbeiten' });
    await form.getByLabel('Geschlecht').selectOption('female');
    await form.getByLabel('Vorname').fill('Jördis');
    await form.getByLabel('Nachname').fill('Weißenfels');
    await form.getByLabel('Ort').fill('Duisburg');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByText('„Jördis Weißenfels“ wurde gespeichert.').isVisible()).toBe(true);

    await expect.poll(() => rows.count()).toBe(1);
    await notReloaded();
    await other.screenshot({ path: path.join(ARTIFACTS, 'live-kontakt-auf-zweitem-platz.png') });
  });

  it('an appointment saved on one page appears in the other page’s open week view', async () => {
    await other.getByRole('tab', { name: 'Termine', exact: true }).click();
    const title = 'Abstimmung Bürgerfest Ruhrort';
    await expect.poll(() => other.locator('.fc-timegrid').count()).toBeGreaterThan(0);
    expect(await appointment(title).count()).toBe(0);

    const calendars = await pageApi(session.page, 'calendar.calendars', {});
    await pageApi(session.page, 'calendar.appointments.save', {
      calendarId: calendars[0].id,
      title,
      start: `${today}T10:00`,
      end: `${today}T11:00`,
      place: 'Rathaus, Raum 100',
    });

    await expect.poll(() => appointment(title).count()).toBeGreaterThan(0);
    await notReloaded();
    await other.screenshot({ path: path.join(ARTIFACTS, 'live-termin-auf-zweitem-platz.png') });
  });

  it('a page whose stream drops opens it again, reads what it missed, and follows on', async () => {
    const opened = streams.length;
    expect(opened).toBeGreaterThan(0);
    const calendars = await pageApi(session.page, 'calendar.calendars', {});
    const save = (title: string, hour: number) =>
      pageApi(session.page, 'calendar.appointments.save', { calendarId: calendars[0].id, title, start: `${today}T${hour}:00`, end: `${today}T${hour + 1}:00` });

    // The second page's connection drops; while it is down, the first page saves.
    relay.cut();
    await save('Nachgeholt: Besuch der Partnerstadt', 14);
    relay.restore();

    // A new stream, with a new ticket; what was saved while it was down is shown.
    await expect.poll(() => streams.length).toBeGreaterThan(opened);
    expect(new Set(streams).size).toBe(streams.length);
    await expect.poll(() => appointment('Nachgeholt: Besuch der Partnerstadt').count()).toBeGreaterThan(0);

    // And the new stream carries the next change.
    await save('Danach: Empfang im Ratssaal', 16);
    await expect.poll(() => appointment('Danach: Empfang im Ratssaal').count()).toBeGreaterThan(0);
    await notReloaded();
  });
});
