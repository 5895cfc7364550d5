import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { workerPool } from '../../src/executor/pool.ts';
import { loadLabs, parseLab } from '../../src/lab/load.ts';
import { testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/** A bad lab file is refused with its file, line, column and field, never loaded half-way. */
const GOOD = `id: tiny
title: { ko: "가", en: "A" }
story: { ko: "가", en: "A" }
section: "파드 정의하기"
steps: [{ ko: "가", en: "A" }]
hints: [{ ko: "가", en: "A" }]
checks:
  - id: one
    title: { ko: "가", en: "A" }
    kind: podRunning
    pod: kubia
solutions:
  - name: run
    steps: [kubectl run kubia --image=luksa/kubia]
wrong:
  - name: nothing
    fails: [one]
    steps: [kubectl get po]
concepts: [8]
`;

const FILE = 'quizzes/labs/01-tiny.yaml';
const edit = (from: string, to: string) => {
  expect(GOOD).toContain(from);
  return GOOD.replace(from, to);
};

describe('lab file validation', () => {
  it('GIVEN a valid file WHEN parsed THEN the lab has its check bound and its routes', () => {
    const lab = parseLab(GOOD, FILE);
    expect(lab.ok).toBe(true);
    if (!lab.ok) return;
    expect(lab.value).toMatchObject({ id: 'tiny', namespace: 'default', seed: [], file: FILE });
    expect(lab.value.checks.map((c) => c.kind)).toEqual(['podRunning']);
    expect(lab.value.solutions[0]?.steps).toEqual([
      { say: 'kubectl run kubia --image=luksa/kubia', expectError: false },
    ]);
  });

  const bad: [string, string, string][] = [
    [
      'a missing field',
      edit('hints: [{ ko: "가", en: "A" }]\n', ''),
      `${FILE}:1:1: hints: required field is missing`,
    ],
    [
      'a key named like an Object method',
      edit('hints:', 'constructor: x\nhints:'),
      `${FILE}:6:1: constructor: unknown field`,
    ],
    ['a misspelt top-level field', edit('hints:', 'hint:'), `${FILE}:6:1: hint: unknown field`],
    [
      'an unknown check kind',
      edit('kind: podRunning', 'kind: podRuning'),
      `${FILE}:10:5: checks[0].kind: unknown check kind "podRuning"`,
    ],
    [
      'a field the check kind does not have',
      edit('    pod: kubia\n', '    pod: kubia\n    port: 80\n'),
      `${FILE}:12:5: checks[0].port: unknown field`,
    ],
    [
      'a check without its parameter',
      edit('    pod: kubia\n', ''),
      `${FILE}:8:5: checks[0].pod: required field is missing`,
    ],
    [
      'a language missing',
      edit('title: { ko: "가", en: "A" }\nstory', 'title: { ko: "가" }\nstory'),
      `${FILE}:2:8: title.en: required field is missing`,
    ],
    [
      'a section that is not in the notes',
      edit('"파드 정의하기"', '"Pods"'),
      `${FILE}:4:10: section: "Pods" is not one of`,
    ],
    ['an id that is not the file name', edit('id: tiny', 'id: small'), `${FILE}:1:1: id: must be "tiny"`],
    [
      'a wrong state naming no check',
      edit('fails: [one]', 'fails: [two]'),
      `${FILE}:17:12: wrong[0].fails: no check "two"`,
    ],
    ['a YAML syntax error', edit('steps: [kubectl get po]', 'steps: [kubectl get po'), `${FILE}:19:1: `],
    [
      'a duplicate key',
      edit('    pod: kubia\n', '    pod: kubia\n    pod: web\n'),
      `${FILE}:12:5: Map keys must be unique`,
    ],
    [
      'an unquoted label value',
      edit(
        '    kind: podRunning\n    pod: kubia\n',
        '    kind: podNodeSelector\n    pod: kubia\n    labels: { gpu: true }\n',
      ),
      `${FILE}:12:20: checks[0].labels.gpu: expected a string value (quote it: "true")`,
    ],
    [
      'a selector that does not parse',
      edit(
        '    kind: podRunning\n    pod: kubia\n',
        '    kind: selectorMatches\n    selector: "env in (prod"\n    count: 0\n',
      ),
      `${FILE}:11:15: checks[0].selector: column 13: unable to parse requirement`,
    ],
    [
      'a selector check with neither pods nor count',
      edit('    kind: podRunning\n    pod: kubia\n', '    kind: selectorMatches\n    selector: env\n'),
      `${FILE}:8:5: checks[0]: give either \`pods\` or \`count\``,
    ],
    [
      'a seed in the default namespace',
      edit('checks:', 'seed: { pods: [{ name: a, image: nginx }] }\nchecks:'),
      `${FILE}:7:1: seed: a lab with a seed needs a namespace of its own`,
    ],
    [
      'a seed pod with two images',
      edit(
        'checks:',
        'namespace: lab-x\nseed: { pods: [{ name: a, image: nginx, containers: [{ name: b, image: nginx }] }] }\nchecks:',
      ),
      `${FILE}:8:16: seed.pods[0]: give either \`image\` (one container) or \`containers\``,
    ],
    [
      'a lab namespace that is the system one',
      edit('checks:', 'namespace: kube-system\nchecks:'),
      `${FILE}:7:1: namespace: a lab works in \`default\` or in a namespace of its own`,
    ],
    [
      'an invalid label key',
      edit(
        '    kind: podRunning\n    pod: kubia\n',
        '    kind: podLabels\n    pod: kubia\n    labels: { "-bad": x }\n',
      ),
      `${FILE}:12:15: checks[0].labels.-bad: invalid key`,
    ],
    [
      'a duplicate check id',
      edit(
        'solutions:',
        '  - id: one\n    title: { ko: "가", en: "A" }\n    kind: podAbsent\n    pod: x\nsolutions:',
      ),
      `${FILE}:12:5: checks[1]: duplicate check id "one"`,
    ],
    [
      'a pause that is not a duration',
      edit('steps: [kubectl get po]', 'steps: [{ advance: soon }]'),
      `${FILE}:18:24: wrong[0].steps[0].advance: "soon" is not a duration`,
    ],
  ];

  it.each(bad)(
    'GIVEN %s WHEN parsed THEN it is refused with file:line:column and field',
    (_name, source, message) => {
      const lab = parseLab(source, FILE);
      expect(lab.ok).toBe(false);
      if (lab.ok) return;
      expect(lab.error.startsWith(message), lab.error).toBe(true);
    },
  );

  it('GIVEN a file not named NN-id.yaml WHEN parsed THEN it is refused by name', () => {
    const lab = parseLab(GOOD, 'quizzes/labs/tiny.yaml');
    expect(lab).toEqual({ ok: false, error: 'quizzes/labs/tiny.yaml: lab files are named NN-id.yaml' });
  });

  it('GIVEN a folder with one bad file among good ones WHEN loaded THEN the whole catalogue is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-labs-'));
    writeFileSync(join(dir, '01-tiny.yaml'), GOOD);
    writeFileSync(
      join(dir, '02-broken.yaml'),
      GOOD.replace('id: tiny', 'id: broken').replace('pod: kubia', 'pods: kubia'),
    );
    const labs = loadLabs(dir);
    expect(labs.ok).toBe(false);
    if (labs.ok) return;
    expect(labs.error).toMatch(/02-broken\.yaml:11:5: checks\[0\]\.pods: unknown field/);
  });

  it('GIVEN a broken lab folder WHEN podium starts THEN it refuses with file, line and field and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-labs-'));
    writeFileSync(join(dir, '01-tiny.yaml'), GOOD.replace('kind: podRunning', 'kind: podRuning'));
    const bin = new URL('../../bin/podium.js', import.meta.url).pathname;
    const run = spawnSync(process.execPath, [bin, 'console', '--json', '--db', ':memory:'], {
      input: '/lab list\n',
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, PODIUM_LABS_DIR: dir },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^podium: .*01-tiny\.yaml:10:5: checks\[0\]\.kind: unknown check kind "podRuning"/,
    );
  });

  it('GIVEN a labs folder WHEN commands run in the worker pool (the bots) THEN /lab lists that folder’s labs, not the built-in ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-labs-'));
    writeFileSync(join(dir, '01-tiny.yaml'), GOOD);
    const dbPath = tempDbPath('podium-labs-pool-');
    const pool = workerPool(testApp(dbPath).app, { dbPath, workers: 1, spare: false, labsDir: dir });
    try {
      const list = replyText(
        await pool.run({
          platform: 'slack',
          scope: 'T1',
          channel: 'C1',
          user: 'U1',
          text: '/lab list',
          attachments: [],
        }),
      );
      expect(list).toContain('tiny');
      expect(list).not.toContain('first-pod');
    } finally {
      await pool.close();
    }
  });
});
