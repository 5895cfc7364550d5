import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  guideFor,
  guideForAfresh,
  guideText,
  guideTextAfresh,
  hasErrorLine,
  type OutputSeen,
} from '../../src/guide/guide.ts';
import type { GuideInput } from '../../src/guide/lines.ts';

/** Every golden transcript, whole, line by line and command by command. */
function goldenTexts(): string[] {
  const dir = join(new URL('.', import.meta.url).pathname, '../golden/__golden__');
  return readdirSync(dir).flatMap((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    return [text, ...text.split('\n'), ...text.split('\n$ ')];
  });
}

/** Pod tables (with and without NAMESPACE) whose rows have each STATUS the guide reads, and others. */
function tables(): string[] {
  const statuses = ['Running', 'CrashLoopBackOff', 'Error', 'ImagePullBackOff', 'ErrImagePull', 'Pending'];
  const out: string[] = [];
  for (let n = 0; n < statuses.length * 2; n++) {
    const rows = ['NAME      READY   STATUS    RESTARTS   AGE'];
    for (let i = 0; i <= n; i++)
      rows.push(`pod${i}      1/1     ${statuses[(i * 5 + n) % statuses.length]}   0          5m`);
    out.push(rows.join('\n'), `NAMESPACE   ${rows.join('\ndefault   ')}`, rows.join('\r\n'));
  }
  return out;
}

/** Error lines the table reads, alone, after a table, and after other line terminators. */
const ERRORS = [
  'error: the path "pod.yaml" does not exist',
  'error: resource name may not be empty',
  "error: 'app' already has a value (kubia), and --overwrite is false",
  'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
  "error: unknown shorthand flag: 'a' in -all",
  'error: no objects passed to apply',
  'error: required flag(s) "image" not set',
  'error: unable to forward port because pod is not running. Current status=Pending',
  'error: invalid label value: "app=a b"',
  'error: Required resource not specified.',
  'error: name cannot be provided when a selector is specified',
  'Error from server (NotFound): pods "kubia" not found',
  'Error from server (AlreadyExists): pods "kubia" already exists',
  "Error from server (BadRequest): invalid character 'a' looking for beginning of object key string",
  'error: Invalid JSON Patch',
  'No resources found in default namespace.',
  'curl: (7) Failed to connect to localhost port 8080 after 0 ms: Connection refused',
  'curl: (52) Empty reply from server',
  'not an error: the path "x" does not exist',
];

function outputs(): string[] {
  const texts = [...goldenTexts(), ...tables(), ...ERRORS];
  for (const error of ERRORS)
    for (const before of ['NAME   READY\npod    1/1', 'a\r', 'a\u2028', 'a\u2029', 'x '])
      texts.push(`${before}${before.endsWith(' ') || /[\r\u2028\u2029]$/.test(before) ? '' : '\n'}${error}`);
  return texts;
}

const COMMANDS: readonly (readonly string[])[] = [
  ['get', 'po'],
  ['get', 'po', '-l', 'env', 'in', '(prod)'],
  ['get', 'po', '-l', 'env=prod,', 'app=kubia'],
  ['get', 'po', '-l', 'app=nope'],
  ['describe', 'po', 'kubia'],
  ['label', 'po', 'kubia', 'app=x'],
  ['run', 'kubia'],
  ['exec', 'kubia', 'ls'],
  ['delete', 'po', '-all'],
  ['create', '-f', 'pod.yaml'],
  ['apply', '-f', '-'],
  ['port-forward', 'kubia', '8080'],
  ['annotate', 'po', 'kubia', 'a=b'],
  ['logs', 'kubia'],
  ['patch', 'po', 'kubia', '-p', '{a:1}'],
  ['run', 'kubia', '--image=nginx', '--overrides={a:1}'],
  [],
];

/**
 * The guide reads only the entries for the command's program, verb and outcome, and looks for
 * `error: ` only at a line's start. Over every golden transcript, pod tables of every status and
 * every error line it knows (after a table, a carriage return or another line terminator), for
 * many commands, either outcome and both programs, it must say what reading the whole table over
 * the whole output says.
 */
describe("the guide's fast path", () => {
  it('GIVEN thousands of outputs and commands THEN it says what the full scan says', () => {
    let differences = 0;
    let said = 0;
    let told = 0;
    let wrong = 0;
    for (const output of outputs())
      for (const tokens of COMMANDS)
        for (const ok of [true, false])
          for (const program of ['kubectl', 'curl'] as const) {
            const input: GuideInput = {
              program,
              line: tokens.join(' '),
              tokens,
              verb: tokens[0] ?? '',
              output,
              ok,
            };
            const seen: OutputSeen = {};
            const fast = guideFor(input, seen);
            if (JSON.stringify(fast) !== JSON.stringify(guideForAfresh(input))) differences++;
            if (fast !== null) said++;
            // What it tells its caller about error lines is what a search of the whole output finds.
            if (seen.errors !== undefined) {
              told++;
              if (seen.errors !== /^error: /m.test(output)) wrong++;
            }
          }
    expect(said).toBeGreaterThan(1000);
    expect(differences).toBe(0);
    expect(told).toBeGreaterThan(1000);
    expect(wrong).toBe(0);
  });

  it('GIVEN an output longer than the guide reads, with its error line past the cut THEN it tells its caller nothing of it', () => {
    const output = `${'NAME   READY\n'.repeat(20_000)}error: the server doesn't have a resource type "pdos"\n`;
    const seen: OutputSeen = {};
    guideFor(
      { program: 'kubectl', line: 'get pdos', tokens: ['get', 'pdos'], verb: 'get', output, ok: false },
      seen,
    );
    expect(seen.errors).toBeUndefined();
  });

  it('GIVEN every output THEN a line starting with `error: ` is found exactly where a multiline ^ finds one', () => {
    const texts = outputs();
    expect(texts.filter((t) => hasErrorLine(t) !== /^error: /m.test(t))).toEqual([]);
    expect(texts.filter(hasErrorLine).length).toBeGreaterThan(50);
  });

  it('GIVEN guide lines said again and again THEN each kept text equals one written afresh', () => {
    let differences = 0;
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 600; i++)
        for (const lang of ['en', 'ko'] as const) {
          const saying =
            i % 3 === 0
              ? { key: 'guide.line.crashLoop' as const, params: { pod: `pod${i % 300}` } }
              : i % 3 === 1
                ? {
                    key: 'guide.line.labelOverwrite' as const,
                    params: { key: 'app', old: `v${i}`, fixed: 'k`x' },
                  }
                : { key: 'guide.line.noMatch' as const, params: {} };
          if (guideText(lang, saying) !== guideTextAfresh(lang, saying)) differences++;
        }
    expect(differences).toBe(0);
  });
});
