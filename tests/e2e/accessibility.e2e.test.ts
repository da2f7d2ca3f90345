import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, useBrowserSession } from './browser-mode';

/** axe-core's source, run in the page by the test driver (the app's CSP rightly refuses an injected script tag). */
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every area of the navigation, with the demo office's data in it. */
const PAGES = ['Start', 'Kontakte', 'Korrespondenz', 'Termine', 'Einladungen', 'Reden', 'Schirmherrschaften', 'Partnerstädte', 'Grußkalender', 'Besuche', 'Geschenke', 'Presse', 'Online', 'Bürgeranliegen', 'Bürgergespräche', 'Engagement', 'Jubiläen', 'Einstellungen'];

/**
 * Violations of third-party parts the app cannot change, each named with its reason; only those
 * nodes, for only that rule, are left out. Any other node of the rule still fails the test.
 *
 * Fluent UI's focus manager (Tabster)
 * puts invisible `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` elements around tab lists,
 * dialogs and the page. They only pass the focus on to the right element the moment they get it,
 * and are hidden so that screen readers do not announce them; axe's rule aria-hidden-focus flags
 * them. Known to the makers and called intended: https://github.com/microsoft/tabster/issues/288,
 * https://github.com/microsoft/fluentui/issues/25133.
 *
 * FullCalendar's month view names each day's cell (`<td role="gridcell" aria-labelledby>`) by
 * its full date from the day's number link, while the cell also shows the week number and the
 * holiday of the day: axe's heuristic label-content-name-mismatch (for controls whose name should
 * repeat their visible label) finds the cell's text missing from its name. A grid cell is no
 * control, and its name (the date) is the right one; the cells are FullCalendar's own markup.
 *
 * FullCalendar's scrolling hours in the day and week views (`<div class="fc-scroller">`): in a
 * week without appointments nothing in them takes the focus, so axe's scrollable-region-focusable
 * asks for the scroller itself to be focusable. It sits inside FullCalendar's ARIA grid, between
 * the grid and its rows; made focusable, it breaks the grid (aria-required-children, tried). In a
 * week with appointments each one takes the focus and scrolls into view.
 */
const THIRD_PARTY = (rule: string, html: string) =>
  (rule === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html)) ||
  (rule === 'label-content-name-mismatch' && /^<td [^>]*role="gridcell"[^>]*class="fc-day /.test(html)) ||
  (rule === 'scrollable-region-focusable' && /^<div class="fc-scroller /.test(html));

/**
 * Resolves once the page has been still for 300 ms: no DOM change and no finite animation or
 * transition running. Under CI load React may render the answer of a query after the network is
 * idle, and a button that has just become enabled fades to its colours; axe measuring the contrast
 * mid-transition reports a colour the user never sees at rest.
 */
const SETTLED = `new Promise((resolve) => {
  let last = performance.now();
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  const moving = () => document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
  const check = () => {
    if (moving()) last = performance.now();
    if (performance.now() - last >= 300) { observer.disconnect(); resolve(true); } else setTimeout(check, 50);
  };
  check();
})`;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

describe('accessibility of the main pages (axe-core in Chromium, demo office)', () => {
  const session = useBrowserSession('accessibility', { serverArgs: ['--demo'], open: true });

  /** Serious and critical violations on the page as it is now, once its transitions have ended. */
  async function seriousViolations(name: string) {
    const page = session.page;
    await page.waitForLoadState('networkidle');
    await page.evaluate(SETTLED);
    await page.evaluate(AXE);
    const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`)) as Violation[];
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.filter((n) => !THIRD_PARTY(v.id, n.html)).map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 160)}`) }))
      .filter((v) => v.nodes.length > 0);
    if (serious.length) await page.screenshot({ path: path.join(ARTIFACTS, `axe-${name}.png`) });
    return serious;
  }

  it.each(PAGES)('%s: no serious or critical violation', async (name) => {
    const page = session.page;
    await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name, exact: true }).click();
    await expect.poll(() => page.getByRole('main').getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
    expect(await seriousViolations(name)).toEqual([]);
  });

  // The calendar in each of its views: today in the demo office (its week has appointments) and a week without any.
  const views = ['Tag', 'Woche', 'Monat', 'Agenda'].flatMap((view) => [
    [view, 'heute', ''],
    [view, 'ohne Termine', '2030-01-07'],
  ]);
  it.each(views)('Termine, %s %s: no serious or critical violation', async (view, _, day) => {
    const page = session.page;
    await page.goto(new URL(`#/calendar/${day}`, session.server.url.replace(/#.*$/, '')).href);
    await page.getByRole('button', { name: view, exact: true }).click();
    await expect.poll(() => page.locator('.fc-view').count()).toBe(1);
    if (!day && view !== 'Tag') await expect.poll(() => page.locator('.fc-event').count()).toBeGreaterThan(0);
    expect(await seriousViolations(`termine-${view}-${day || 'heute'}`)).toEqual([]);
  });

  // The online plan in each of its views.
  it.each(['Tag', 'Woche', 'Monat'])('Online, Plan, %s: no serious or critical violation', async (view) => {
    const page = session.page;
    await page.goto(new URL('#/online/plan', session.server.url.replace(/#.*$/, '')).href);
    await page.getByRole('button', { name: view, exact: true }).click();
    await expect.poll(() => page.locator('.fc-view').count()).toBe(1);
    expect(await seriousViolations(`online-plan-${view}`)).toEqual([]);
  });

  it('Online, Vorschläge: no serious or critical violation', async () => {
    const page = session.page;
    await page.goto(new URL('#/online/proposals', session.server.url.replace(/#.*$/, '')).href);
    await expect.poll(() => page.getByRole('heading', { name: 'Vorschläge' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('table', { name: 'Vorschläge' }).or(page.getByText('Keine offenen Vorschläge')).count()).toBe(1);
    expect(await seriousViolations('online-vorschlaege')).toEqual([]);
  });

  it('Online, Krisenmodus (with a holding statement, switched on): no serious or critical violation', async () => {
    const page = session.page;
    await page.goto(new URL('#/online/crisis', session.server.url.replace(/#.*$/, '')).href);
    await page.getByRole('button', { name: 'Wartestellungnahme anlegen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wartestellungnahme' });
    await dialog.getByRole('textbox', { name: 'Szenario' }).fill('Unwetter');
    await dialog.getByRole('textbox', { name: 'Text' }).fill('Wir beobachten die Unwetterlage und informieren hier fortlaufend.');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Wartestellungnahmen' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Krisenmodus einschalten …' }).click();
    await page.getByRole('alertdialog', { name: 'Krisenmodus einschalten?' }).getByRole('button', { name: 'Einschalten' }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Krisenmodus' }).count()).toBe(1);
    expect(await seriousViolations('online-krisenmodus')).toEqual([]);
    await page.getByRole('button', { name: 'Krisenmodus ausschalten' }).click();
    await expect.poll(() => page.getByRole('status', { name: 'Krisenmodus' }).count()).toBe(0);
  });

  it('the calendar’s buttons to the previous and the next period have names, and hints that say how far they go', async () => {
    const page = session.page;
    await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('tab', { name: 'Termine', exact: true }).click();
    const back = page.getByRole('button', { name: 'Zurück', exact: true });
    const on = page.getByRole('button', { name: 'Weiter', exact: true });
    await expect.poll(() => back.getAttribute('title')).toBe('Vorherige Woche');
    expect(await on.getAttribute('title')).toBe('Nächste Woche');
    await page.getByRole('button', { name: 'Monat', exact: true }).click();
    await expect.poll(() => on.getAttribute('title')).toBe('Nächster Monat');
    await page.screenshot({ path: path.join(ARTIFACTS, 'termine-monat-knoepfe.png') });
  });
});
