#!/usr/bin/env node
// Renders the app's icon, build/icon.svg, with Chromium into what electron-builder takes from
// build/: icon.png (512 × 512, Linux and macOS) and icon.ico (Windows: 256, 64, 48, 32 and 16
// pixels, each stored as PNG). Run after changing the SVG: node scripts/render-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const build = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const svg = fs.readFileSync(path.join(build, 'icon.svg'), 'utf8');
const ICO_SIZES = [256, 64, 48, 32, 16];

/** An .ico file holding the PNG images as they are (Windows Vista and later read PNG entries). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const render = async (size) => {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const scaled = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0">${scaled}</body></html>`);
    const png = await page.screenshot({ omitBackground: true });
    await page.close();
    return png;
  };
  fs.writeFileSync(path.join(build, 'icon.png'), await render(512));
  const images = [];
  for (const size of ICO_SIZES) images.push({ size, png: await render(size) });
  fs.writeFileSync(path.join(build, 'icon.ico'), ico(images));
  console.log(`build/icon.png (512 px) und build/icon.ico (${ICO_SIZES.join(', ')} px) geschrieben.`);
} finally {
  await browser.close();
}
