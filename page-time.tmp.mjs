import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let run = 0; run < (process.env.RUNS ?? 3); run++) {
const t0 = performance.now();
const p = spawn(process.execPath, [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'cli/bin.mjs', 'serve', '--data-dir', '/tmp/rb-copy', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
const url = await new Promise((res) => p.stdout.on('data', (d) => { const m = String(d).match(/http:\S+/); if (m) res(m[0]); }));
const tReady = performance.now() - t0;
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, locale: 'de-DE' });
const log = [];
page.on('requestfinished', async (r) => { const t = r.timing(); log.push([new URL(r.url()).pathname + (r.postData()?.slice(0, 60) ?? ''), Math.round(performance.now() - t0), Math.round(t.responseEnd)]); });
await page.goto(url);
await page.getByRole('group', { name: 'Jubiläen der nächsten vier Wochen' }).getByText(/^[1-9][\d.]* Geburtstage?,/).waitFor();
console.log('server', tReady.toFixed(0), 'total', (performance.now() - t0).toFixed(0));
for (const l of log) console.log('  ', l.join('  '));
await page.close(); p.kill('SIGINT');
}
await browser.close();
