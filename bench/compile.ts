import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUILD_OPTIONS, ROOT } from '../scripts/build-options.ts';

/**
 * `npm run bench` first bundles the benchmarks as `npm run build` bundles Podium, into dist/bench/
 * (two folders below the root like dist/app/, so paths relative to a module mean the same), with
 * the executor's worker and the processes the benchmarks start beside them; then it runs
 * dist/bench/run.js. The figures are then those of the compiled code, which is what runs in
 * production (tsx adds its loader and a `__name` wrapper to every function).
 */
const out = join(ROOT, 'dist', 'bench');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  ...BUILD_OPTIONS,
  entryPoints: {
    run: join(ROOT, 'bench/run.ts'),
    worker: join(ROOT, 'src/executor/worker.ts'),
    'posting-worker': join(ROOT, 'src/adapters/slack/posting-worker.ts'),
    confirmations: join(ROOT, 'src/adapters/slack/confirmations.ts'),
    'costly-worker': join(ROOT, 'test/executor/costly-worker.ts'),
    'b2-serve': join(ROOT, 'bench/b2-serve.ts'),
    'b3-clicker': join(ROOT, 'bench/b3-clicker.ts'),
    'b3-fake-slack': join(ROOT, 'bench/b3-fake-slack.ts'),
  },
  outdir: out,
});
copyFileSync(join(ROOT, 'src/cluster/openapi/v1.34.json'), join(out, 'v1.34.json'));
