import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyTree } from '../test/helpers/copy-tree.ts';

/**
 * `npm run mutation`: shows that the reliability fuzz can fail (issue 16). Each mutant breaks one
 * guarantee in a copy of the working tree; the fuzz must then fail ("killed"). A mutant that
 * survives means the fuzz no longer guards that guarantee: the script exits 1. Run it before a
 * release; it takes a few minutes (the alias mutant makes one message take about 8 s and 1.5 GB).
 */
const MUTANTS = [
  {
    name: 'failed commands commit',
    file: 'src/chat/dispatch.ts',
    from: 'if (!result.ok) throw new Rollback(result.error);',
    to: 'if (!result.ok) return result.error;',
  },
  {
    name: 'YAML alias limit removed',
    file: 'src/kubectl/manifest-yaml.ts',
    from: 'maxAliasCount: MAX_ALIAS_COUNT',
    to: 'maxAliasCount: -1',
  },
] as const;

const FUZZ = ['test/reliability/fuzz.test.ts', 'test/reliability/cost-fuzz.test.ts'];

let survived = 0;
for (const mutant of MUTANTS) {
  const dir = copyTree('podium-mutant-');
  const path = join(dir, mutant.file);
  const source = readFileSync(path, 'utf8');
  if (!source.includes(mutant.from))
    throw new Error(`${mutant.name}: the code to mutate is gone from ${mutant.file}`);
  writeFileSync(path, source.replace(mutant.from, mutant.to));
  const started = Date.now();
  const run = spawnSync('npx', ['vitest', 'run', ...FUZZ], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 20 * 60_000,
  });
  const killed = run.status !== 0;
  if (!killed) survived++;
  const failed = (run.stdout ?? '').split('\n').filter((l) => l.includes('×')).length;
  console.log(
    `${killed ? 'killed  ' : 'SURVIVED'} ${mutant.name} (${failed} failing test(s), ${Math.round((Date.now() - started) / 1000)} s)`,
  );
  rmSync(dir, { recursive: true, force: true });
}
process.exit(survived === 0 ? 0 : 1);
