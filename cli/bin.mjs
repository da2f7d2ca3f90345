#!/usr/bin/env node
// The `rathausbuero` command. Runs the TypeScript sources through tsx, so a checkout works
// right after `npm install` without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
await run(process.argv.slice(2));
