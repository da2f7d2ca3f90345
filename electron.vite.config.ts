import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/** The Content-Security-Policy of the built page (the dev server's hot reload needs inline scripts). */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const cspPlugin = (): Plugin => ({
  name: 'rathaus-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
});

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Pure-JavaScript libraries of many small modules are bundled into the chunks that use them:
      // Node's module loader spends more time per file than on the code (drizzle-orm 145 files,
      // zod 95, date-holidays with its calendars 100: most of the API's start-up). Native modules
      // (better-sqlite3), CommonJS packages and what loads only on demand stay in node_modules.
      externalizeDeps: {
        exclude: ['drizzle-orm', 'zod', 'date-holidays', 'diff', 'postal-mime', '@date-fns/tz', 'twitter-text', 'rrule', 'ical.js', 'ical-generator', 'csv-parse', '@sindresorhus/transliterate', '@orama/stemmers'],
      },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The background worker (register import) is its own entry: core/services/background/worker-host.ts.
          worker: resolve(__dirname, 'core/services/background/worker-main.ts'),
          // The `rathausbuero` command (browser mode, scripting), run by cli/bin.mjs under plain
          // Node: nothing compiles at start. node_modules stay outside the bundle, as for the window.
          cli: resolve(__dirname, 'cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // Sandboxed preload scripts must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), cspPlugin()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the page unminified; minified, the browser parses a third of it at start.
      minify: true,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
