import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { COMPILED_DATA, type CompiledData } from '../src/compiled.ts';
import { labSources, loadLabs } from '../src/lab/load.ts';
import { formatProblem, loadBanks } from '../src/quiz/banks.ts';
import { BUILD_OPTIONS, ROOT } from './build-options.ts';

/**
 * `npm run build` (also run by `npm install` and `npm ci`, as `prepare`): compiles Podium to
 * JavaScript in `dist/app/` for `npm start` and `bin/podium.js`. Tests keep running TypeScript.
 *
 * - Entry points: `main.js` (the process), `worker.js` (the executor's worker threads, which
 *   `src/executor/spawn.ts` starts from beside itself) and `posting-worker.js` (the Slack
 *   adapter's response_url thread, started from beside its chunk) and `confirmations.js` (the
 *   Slack reply sink the workers import, src/adapters/slack/sinks.ts). Code splitting puts each platform's
 *   adapter, its library bundled in, in a chunk of its own, so the console never loads
 *   discord.js or Bolt, and a Slack-only start never loads discord.js (the packages left in
 *   node_modules are build-options.ts' EXTERNAL).
 * - The bundle sits two folders below the root, as `src/<area>/x.ts` does, so the paths the code
 *   makes relative to its own module (`../../migrations/`) mean the same folder built or not;
 *   the OpenAPI data read from beside its module is copied beside the bundle.
 * - The question banks and labs are validated here (a broken one fails the build with
 *   `file:line:column: field: message`, as it would refuse a start) and written as `data.json`,
 *   which a start reads instead of parsing YAML (`src/compiled.ts`).
 */
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(ROOT, 'dist', 'app'));

async function main(): Promise<number> {
  const started = performance.now();
  const banks = loadBanks();
  if (!banks.ok) {
    process.stderr.write(
      `build: the quiz banks have problems:\n${banks.error.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`,
    );
    return 1;
  }
  const labs = loadLabs();
  if (!labs.ok) {
    process.stderr.write(`build: ${labs.error}\n`);
    return 1;
  }
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    ...BUILD_OPTIONS,
    entryPoints: {
      main: join(ROOT, 'src/main.ts'),
      worker: join(ROOT, 'src/executor/worker.ts'),
      'posting-worker': join(ROOT, 'src/adapters/slack/posting-worker.ts'),
      confirmations: join(ROOT, 'src/adapters/slack/confirmations.ts'),
    },
    outdir,
  });
  copyFileSync(join(ROOT, 'src/cluster/openapi/v1.34.json'), join(outdir, 'v1.34.json'));
  const data: CompiledData = { banks: banks.value, labs: labSources() };
  writeFileSync(join(outdir, COMPILED_DATA), JSON.stringify(data));
  const ms = Math.round(performance.now() - started);
  console.log(
    `build: ${relative(process.cwd(), outdir) || '.'} in ${ms} ms (${banks.value.length} banks, ${labs.value.length} labs)`,
  );
  return 0;
}

process.exitCode = await main();
