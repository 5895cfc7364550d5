import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';

/**
 * Differential tests: the same `kubectl label|annotate` on the same pod, run by the real kubectl
 * (v1.32 on the PATH, offline with `--local -f FILE`) and by the simulator (through the chat).
 * Resulting labels/annotations, success lines and error texts must agree. Documented differences:
 *   - `--local` never reaches a server, so it skips server-side validation (bad keys) and never
 *     prints `label "k" not found.`; those cases are compared with kubectl.md §2.1/§10 instead.
 *   - kubectl prints several errors in Go map order (random), so such lines compare as sets.
 */
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!hasKubectl) console.warn('differential.test.ts skipped: no kubectl on the PATH');

type Map = Record<string, string>;
interface Case {
  verb: 'label' | 'annotate';
  labels?: Map;
  annotations?: Map;
  args: string[];
  /** Only a server rejects this; `--local` accepts it. The simulator must print this text. */
  serverOnly?: string;
}

const NP =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const PS =
  "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QN =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
const invalid = (field: string, key: string, body: string) =>
  `The Pod "p" is invalid: metadata.${field}: Invalid value: "${key}": ${body}`;

const kubia = { app: 'kubia' };
const a63 = 'a'.repeat(63);
const CASES: Case[] = [
  { verb: 'label', labels: kubia, args: ['env=prod'] },
  { verb: 'label', labels: kubia, args: ['env=prod', 'tier=web', 'rel=beta'] },
  { verb: 'label', labels: kubia, args: ['app=kubia'] },
  { verb: 'label', labels: kubia, args: ['app=other'] },
  { verb: 'label', labels: kubia, args: ['app=other', '--overwrite'] },
  { verb: 'label', labels: kubia, args: ['app=other', '--overwrite=false'] },
  { verb: 'label', labels: { app: 'kubia', env: 'prod' }, args: ['env-'] },
  { verb: 'label', labels: kubia, args: ['nope-'] },
  { verb: 'label', labels: { app: 'kubia', env: 'prod' }, args: ['env-', '--overwrite'] },
  { verb: 'label', args: ['nope-'] },
  { verb: 'label', args: ['env=prod'] },
  { verb: 'label', labels: { a: 'b' }, args: ['a-', 'ee=ff'] },
  { verb: 'label', labels: { aa: 'bb' }, args: ['aa-', 'e=f'] },
  { verb: 'label', labels: kubia, args: ['env=a b'] },
  { verb: 'label', labels: kubia, args: [`env=${a63}a`] },
  { verb: 'label', labels: kubia, args: [`env=${a63}-`] },
  { verb: 'label', labels: kubia, args: ['env=-x'] },
  { verb: 'label', labels: kubia, args: ['env=é'] },
  { verb: 'label', labels: kubia, args: ['env=a=b'] },
  { verb: 'label', labels: kubia, args: ['env=x', 'env-'] },
  { verb: 'label', labels: kubia, args: ['--overwrite'] },
  { verb: 'label', labels: kubia, args: ['env='] },
  { verb: 'label', labels: { a: '1', b: '2' }, args: ['a=3', 'b=4'] },
  { verb: 'label', labels: kubia, args: ['app=x', 'nope-'] },
  { verb: 'label', labels: kubia, args: ['example.com/team=a', 'app.kubernetes.io/name=kubia'] },
  { verb: 'label', labels: kubia, args: ['env=a', 'env=b'] },
  {
    verb: 'label',
    labels: { 'app.kubernetes.io/name': 'kubia', env: 'prod' },
    args: ['app.kubernetes.io/name-'],
  },
  { verb: 'label', labels: kubia, args: ['bad key!=x'], serverOnly: invalid('labels', 'bad key!', NP) },
  {
    verb: 'label',
    labels: kubia,
    args: ['Example.com/x=y'],
    serverOnly: invalid('labels', 'Example.com/x', PS),
  },
  { verb: 'label', labels: kubia, args: ['a/b/c=x'], serverOnly: invalid('labels', 'a/b/c', QN) },
  {
    verb: 'label',
    labels: kubia,
    args: [`${a63}a=x`],
    serverOnly: invalid('labels', `${a63}a`, 'name part must be no more than 63 characters'),
  },
  { verb: 'annotate', args: ['mycompany.com/someannotation=foo bar'] },
  { verb: 'annotate', args: ['q=a=b=c', 'json={"a": 1, "b": [2]}'] },
  { verb: 'annotate', annotations: { a: '1' }, args: ['a=1'] },
  { verb: 'annotate', annotations: { a: '1' }, args: ['a=2'] },
  { verb: 'annotate', annotations: { a: '1', b: 'x y' }, args: ['a=3', 'b=4'] },
  { verb: 'annotate', annotations: { a: '1' }, args: ['a=2', '--overwrite'] },
  { verb: 'annotate', annotations: { a: '1', b: '2' }, args: ['a-'] },
  { verb: 'annotate', annotations: { a: '1' }, args: ['nope-'] },
  { verb: 'annotate', annotations: { a: '1' }, args: ['a=1', 'a-'] },
  { verb: 'annotate', args: ['a=1', 'b=2', 'a-', 'b-'] },
  { verb: 'annotate', args: ['Foo/Bar=x', 'UPPER=y'] },
  {
    verb: 'annotate',
    annotations: { 'kubernetes.io/change-cause': 'x' },
    args: ['kubernetes.io/change-cause=y'],
  },
  { verb: 'annotate', labels: kubia, args: ['note='] },
  { verb: 'annotate', args: ['--overwrite'] },
  { verb: 'annotate', annotations: { a: '1' }, args: ['a=2', 'b=3', 'c-'] },
  { verb: 'annotate', args: ['Foo!=x'], serverOnly: invalid('annotations', 'Foo!', NP) },
  { verb: 'annotate', args: ['a/b/c=x'], serverOnly: invalid('annotations', 'a/b/c', QN) },
];

const dir = hasKubectl ? mkdtempSync(join(tmpdir(), 'podium-diff-')) : '';
afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

interface Result {
  ok: boolean;
  /** Success lines, or error lines. */
  lines: string[];
  labels: Map;
  annotations: Map;
}

/** kubectl exits non-zero on errors; keep its output either way. */
function kubectl(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('kubectl', args, { encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ status: error === null ? 0 : 1, stdout, stderr }),
    );
  });
}

async function real(c: Case, index: number): Promise<Result> {
  const file = join(dir, `pod-${index}.yaml`);
  const metadata: Record<string, unknown> = { name: 'p' };
  if (c.labels !== undefined && Object.keys(c.labels).length > 0) metadata.labels = c.labels;
  if (c.annotations !== undefined) metadata.annotations = c.annotations;
  const spec = { containers: [{ name: 'c', image: 'nginx' }] };
  writeFileSync(file, stringify({ apiVersion: 'v1', kind: 'Pod', metadata, spec }));
  const run = (extra: string[]) =>
    kubectl(['--kubeconfig=/dev/null', c.verb, '--local', '-f', file, ...c.args, ...extra]);
  const message = await run([]);
  if (message.status !== 0)
    return { ok: false, lines: errorLines(message.stderr), labels: {}, annotations: {} };
  const yaml = await run(['-o', 'yaml']);
  const object = parse(yaml.stdout) as { metadata: { labels?: Map; annotations?: Map } };
  return {
    ok: true,
    lines: message.stdout.trimEnd().split('\n'),
    labels: object.metadata.labels ?? {},
    annotations: object.metadata.annotations ?? {},
  };
}

function ours(c: Case): Result {
  const t = testApp();
  const say = (line: string) => {
    const reply = t.send('alice', line);
    if (!reply.ok) throw new Error(`setup failed: ${line}\n${replyText(reply)}`);
    return replyText(reply);
  };
  const labels = Object.entries(c.labels ?? {});
  if (labels.length === 0) {
    say('kubectl run p --image=nginx');
    say('kubectl label po p run-');
  } else say(`kubectl run p --image=nginx --labels=${labels.map(([k, v]) => `${k}=${v}`).join(',')}`);
  const annotations = Object.entries(c.annotations ?? {});
  if (annotations.length > 0)
    say(`kubectl annotate po p ${annotations.map(([k, v]) => shellQuote(`${k}=${v}`)).join(' ')}`);
  const reply = t.send('alice', `kubectl ${c.verb} po p ${c.args.map(shellQuote).join(' ')}`);
  const stored = JSON.parse(say('kubectl get po p -o json')) as {
    metadata: { labels?: Map; annotations?: Map };
  };
  const text = replyText(reply);
  return {
    ok: reply.ok,
    // --local never says which removed labels were missing; the server path does (kubectl.md §10).
    lines: reply.ok ? text.split('\n').filter((l) => !/^label ".*" not found\.$/.test(l)) : errorLines(text),
    labels: stored.metadata.labels ?? {},
    annotations: stored.metadata.annotations ?? {},
  };
}

/** Error lines in a stable order: kubectl aggregates follow Go's random map order. */
function errorLines(text: string): string[] {
  return text
    .trimEnd()
    .split('\n')
    .filter((l) => !/^label ".*" not found\.$/.test(l))
    .map((l) => l.replace(/^Error: /, 'error: '))
    .map((l) => {
      const m = /^(error: --overwrite is false but found the following declared annotation\(s\): )(.*)$/.exec(
        l,
      );
      return m === null ? l : `${m[1]}${(m[2] ?? '').split('; ').sort().join('; ')}`;
    })
    .sort();
}

const shellQuote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

describe.skipIf(!hasKubectl)(
  'differential: kubectl label/annotate vs the real kubectl (needs kubectl on the PATH)',
  () => {
    it('GIVEN the kubectl on the PATH THEN it is the v1.32 client these cases were written against', () => {
      expect(execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' })).toMatch(
        /Client Version: v1\.3\d/,
      );
    });

    // Each real kubectl call takes ~0.4 s, mostly idle, so the cases overlap; calls may queue
    // behind each other, hence the long timeout.
    const rows: [number, string, Case][] = CASES.map((c, i) => [i, `${c.verb} ${c.args.join(' ')}`, c]);
    it.concurrent.for(rows)(
      'GIVEN case %i WHEN kubectl %s THEN the simulator agrees with kubectl',
      { timeout: 60_000 },
      async ([index, _title, c]) => {
        const expected = await real(c, index);
        const actual = ours(c);
        if (c.serverOnly !== undefined) {
          expect(expected.ok).toBe(true); // --local skips the server's checks
          expect(actual).toMatchObject({ ok: false, lines: [c.serverOnly] });
          expect(actual.labels).toEqual(c.labels ?? {});
          return;
        }
        expect({ ok: actual.ok, lines: actual.lines }).toEqual({ ok: expected.ok, lines: expected.lines });
        // A failed command changes nothing; a successful one leaves what kubectl's object shows.
        expect(actual.labels).toEqual(expected.ok ? expected.labels : (c.labels ?? {}));
        expect(actual.annotations).toEqual(expected.ok ? expected.annotations : (c.annotations ?? {}));
      },
    );

    it('GIVEN a missing label removed THEN only the server path prints `label "nope" not found.`', () => {
      const t = testApp();
      t.say('alice', 'kubectl run p --image=nginx');
      expect(t.say('alice', 'kubectl label po p nope-')).toBe('label "nope" not found.\npod/p not labeled');
    });
  },
);
