import type { Cluster } from '../cluster/model.ts';
import type { Scope } from './check-pods.ts';
import type { LoggedCommand } from './command-log.ts';
import { fact, result } from './facts.ts';
import type { CheckResult } from './model.ts';

/**
 * Check kinds about steps rather than state: labs that ask the member to read something
 * (`get po X -o yaml`, `get po -L a,b`) grade it from the commands the member ran since
 * `/lab start`, as kubectl parsed them (so every spelling of a flag counts).
 */
const POD_WORDS = new Set(['po', 'pod', 'pods']);

/** The pods a `get` names: `po a b`, `pod/a`, or every pod (null) for `get po`. */
function namedPods(args: readonly string[]): string[] | null | undefined {
  const [first, ...rest] = args;
  if (first === undefined) return undefined;
  const type = first.split(',');
  if (type.some((t) => POD_WORDS.has(t.toLowerCase())) && !first.includes('/'))
    return rest.length === 0 ? null : rest;
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length === 0) return undefined;
  const pods = slashed.flatMap((a) => {
    const [kind = '', name = ''] = a.split('/');
    return POD_WORDS.has(kind.toLowerCase()) ? [name] : [];
  });
  return pods.length === 0 ? undefined : pods;
}

const inNamespace = (command: LoggedCommand, namespace: string): boolean =>
  command.flags['all-namespaces'] === true || (command.flags.namespace ?? 'default') === namespace;

const flagList = (command: LoggedCommand, name: string): string[] => {
  const value = command.flags[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
};

/** The member ran `kubectl get` showing this pod, with `-o` one of `output` and/or `-L` every key. */
export function ranGet(
  _cluster: Cluster,
  p: Scope & { pod: string; output?: ('yaml' | 'json')[]; labelColumns?: string[] },
  commands: readonly LoggedCommand[],
): CheckResult {
  const wanted = [
    `kubectl get po ${p.output === undefined ? '' : `${p.pod} `}`,
    p.output === undefined ? '' : `-o ${p.output.join('|')} `,
    p.labelColumns === undefined ? '' : `-L ${p.labelColumns.join(',')} `,
    p.namespace === 'default' ? '' : `-n ${p.namespace}`,
  ]
    .join('')
    .trim();
  const expected = fact('lab.fact.ran', { command: wanted });
  const gets = commands.filter((c) => c.verb === 'get');
  const passed = gets.some((c) => {
    const pods = namedPods(c.args);
    if (pods === undefined || (pods !== null && !pods.includes(p.pod)) || !inNamespace(c, p.namespace))
      return false;
    const output = c.flags.output;
    if (p.output !== undefined && !(typeof output === 'string' && p.output.some((o) => o === output)))
      return false;
    const columns = flagList(c, 'label-columns');
    return p.labelColumns === undefined || p.labelColumns.every((key) => columns.includes(key));
  });
  const last = gets[gets.length - 1];
  const actual = passed
    ? expected
    : last === undefined
      ? fact('lab.fact.noGet')
      : fact('lab.fact.notRan', {
          count: gets.length,
          last: `kubectl get ${[...last.args, ...flagWords(last)].join(' ')}`,
        });
  return result(passed, expected, actual);
}

/** A logged command's flags as a member would have typed them, for the "last get" shown. */
function flagWords(command: LoggedCommand): string[] {
  return Object.entries(command.flags).map(([name, value]) =>
    value === true ? `--${name}` : `--${name}=${Array.isArray(value) ? value.join(',') : String(value)}`,
  );
}

/** The pod a `logs` names: `logs app` or `logs pod/app` (its first argument). */
function logsPod(args: readonly string[]): string | undefined {
  const first = args[0];
  if (first === undefined) return undefined;
  const [kind, name] = first.includes('/') ? first.split('/') : ['pod', first];
  return POD_WORDS.has((kind ?? '').toLowerCase()) ? name : undefined;
}

/** The member ran `kubectl logs POD` (with `-c container` and/or `--previous` when asked) without error. */
export function ranLogs(
  _cluster: Cluster,
  p: Scope & { pod: string; container?: string; previous?: true },
  commands: readonly LoggedCommand[],
): CheckResult {
  const wanted = [
    `kubectl logs ${p.pod}`,
    p.container === undefined ? '' : ` -c ${p.container}`,
    p.previous === undefined ? '' : ' --previous',
    p.namespace === 'default' ? '' : ` -n ${p.namespace}`,
  ].join('');
  const expected = fact('lab.fact.ran', { command: wanted });
  const logs = commands.filter((c) => c.verb === 'logs');
  const passed = logs.some(
    (c) =>
      logsPod(c.args) === p.pod &&
      (c.flags.namespace ?? 'default') === p.namespace &&
      (p.container === undefined || c.flags.container === p.container || c.args[1] === p.container) &&
      (p.previous === undefined || c.flags.previous === true),
  );
  const last = logs[logs.length - 1];
  const actual = passed
    ? expected
    : last === undefined
      ? fact('lab.fact.noLogs')
      : fact('lab.fact.lastLogs', { last: `kubectl logs ${[...last.args, ...flagWords(last)].join(' ')}` });
  return result(passed, expected, actual);
}
