#!/usr/bin/env node
// Runs the compiled Podium, dist/app/main.js (`npm run build`, which `npm install` and `npm ci` run
// as `prepare`). The TypeScript sources run through tsx instead when there is no build (a checkout
// before its first install) and under the tests (vitest sets VITEST, which the processes they
// spawn inherit): tests always run the code as it is, never a build older than it.
import { existsSync } from 'node:fs';

const built = new URL('../dist/app/main.js', import.meta.url);
if (process.env.VITEST === undefined && existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
