import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * `npm run mutation`: shows that the reliability fuzz can fail (issue 16). Each mutant breaks one
 * guarantee in a copy of the working tree; the fuzz must then fail ("killed"). A mutant that
 * survives means the fuzz no longer guards that guarantee: the script exits 1. Run it before a
 * release; it takes a few minutes (the alias mutant makes one message take about 20 s and 500 MB).
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
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

function copyTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'podium-mutant-'));
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  for (const file of listed.stdout.split('\n').filter((f) => f !== '' && f !== 'node_modules')) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(root, file), join(dir, file));
    } catch {
      // a file listed but deleted in the working tree
    }
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

let survived = 0;
for (const mutant of MUTANTS) {
  const dir = copyTree();
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
