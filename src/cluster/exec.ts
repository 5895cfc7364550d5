import { applyToCluster } from './changes.ts';
import {
  environment,
  ipAddr,
  ipRoute,
  processTable,
  readFile,
  rootListing,
  userlandOf,
} from './container-view.ts';
import { runCurl } from './curl.ts';
import { findImage, type ImageSpec } from './images.ts';
import type { Cluster, Pod } from './model.ts';
import { type Chunk, errOut, type Note, out, type ProgramResult, result } from './screen.ts';
import { tokenVolumeFile, tokenVolumeListing } from './service-account-token.ts';
import { expandWord, parseScript } from './shell.ts';
import { runWget } from './wget.ts';

/**
 * The commands `kubectl exec` can run in a container. A program runs only if the image ships it
 * (the catalogue's `binaries`): busybox has wget but no curl, nginx has curl but no ps. What the
 * programs see is the container's own view (container-view.ts) and the pod network (network.ts).
 */
export interface ExecTarget {
  cluster: Cluster;
  pod: Pod;
  index: number;
  tty: boolean;
  /** Whatever the member fed to `-i` (a fenced block after the command). */
  stdin: string | null;
}

/** Runs argv as the container runtime would: a missing binary fails before anything starts. */
export function execInContainer(target: ExecTarget, argv: readonly string[]): ProgramResult {
  const image = imageOf(target);
  const program = argv[0] ?? '';
  if (!ships(image, program)) {
    const why = program.includes('/')
      ? `stat ${program}: no such file or directory`
      : 'executable file not found in $PATH';
    return result(
      [
        errOut(
          `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${why}: unknown\n`,
        ),
      ],
      126,
    );
  }
  return runProgram(target, image, argv, new Map(environment(target.pod, target.index, target.tty)));
}

const imageOf = (target: ExecTarget): ImageSpec | undefined =>
  findImage(target.pod.spec.containers[target.index]?.image ?? '');

const baseName = (program: string) => program.split('/').pop() ?? program;

function ships(image: ImageSpec | undefined, program: string): boolean {
  return image?.binaries.includes(baseName(program)) === true;
}

type Env = Map<string, string>;

function runProgram(
  target: ExecTarget,
  image: ImageSpec | undefined,
  argv: readonly string[],
  env: Env,
): ProgramResult {
  const name = baseName(argv[0] ?? '');
  const args = argv.slice(1);
  const { pod, cluster } = target;
  const term = { cluster, origin: { kind: 'pod' as const, pod }, tty: target.tty };
  if (image === undefined) return result([], 127);
  switch (name) {
    case 'sh':
    case 'bash':
      return shell(target, image, name, args, env);
    case 'curl':
      return runCurl(term, args);
    case 'wget':
      return runWget(term, args, 'busybox');
    case 'echo':
      return result([
        out(`${(args[0] === '-n' ? args.slice(1) : args).join(' ')}${args[0] === '-n' ? '' : '\n'}`),
      ]);
    case 'hostname':
      // -i resolves the name through /etc/hosts, where the kubelet wrote the pod IP.
      return result([out(`${args[0] === '-i' ? (pod.sim.podIP ?? '') : pod.metadata.name}\n`)]);
    case 'whoami':
      return result([out('root\n')]);
    case 'true':
    case 'sleep':
      return result([]);
    case 'false':
      return result([], 1);
    case 'date':
      return result([out(`${dateText(cluster.now)}\n`)]);
    case 'env':
    case 'printenv':
      return printEnv(env, name, args);
    case 'cat':
      return cat(target, image, args);
    case 'ls':
      return ls(pod, image, args);
    case 'ps':
      return result([out(processTable(pod, target.index, image, ['ps', ...args], target.tty, cluster.now))]);
    case 'ip':
      return ip(pod, image, args);
    default:
      return result(
        [errOut(`${name}: this program is in the image, but the sandbox does not simulate it\n`)],
        1,
      );
  }
}

function printEnv(env: Env, name: string, args: readonly string[]): ProgramResult {
  if (name === 'printenv' && args.length > 0) {
    const values = args.map((a) => env.get(a));
    const found = values.filter((v): v is string => v !== undefined);
    return result(
      found.map((v) => out(`${v}\n`)),
      found.length === values.length ? 0 : 1,
    );
  }
  return result([out([...env.entries()].map(([k, v]) => `${k}=${v}\n`).join(''))]);
}

function cat(target: ExecTarget, image: ImageSpec, args: readonly string[]): ProgramResult {
  const chunks: Chunk[] = [];
  let code = 0;
  for (const path of args) {
    const content = readFile(target.pod, image, path) ?? tokenVolumeFile(target.pod, target.cluster, path);
    if (content === null) {
      chunks.push(errOut(`cat: ${path}: No such file or directory\n`));
      code = 1;
    } else chunks.push(out(content));
  }
  if (args.length === 0 && target.stdin !== null) chunks.push(out(target.stdin));
  return result(chunks, code);
}

function ls(pod: Pod, image: ImageSpec, args: readonly string[]): ProgramResult {
  const paths = args.filter((a) => !a.startsWith('-'));
  const path = paths[0] ?? '/';
  if (path === '/' || path === '/.') return result([out(`${rootListing(image).join('\n')}\n`)]);
  const volume = tokenVolumeListing(pod, path);
  if (volume !== null) return result([out(`${volume.join('\n')}\n`)]);
  const missing =
    userlandOf(image) === 'busybox'
      ? `ls: ${path}: No such file or directory\n`
      : `ls: cannot access '${path}': No such file or directory\n`;
  return result([errOut(missing)], userlandOf(image) === 'busybox' ? 1 : 2);
}

function ip(pod: Pod, image: ImageSpec, args: readonly string[]): ProgramResult {
  const words = args.filter((a) => !a.startsWith('-'));
  const object = words[0] ?? '';
  if (['a', 'addr', 'address'].includes(object)) return result([out(ipAddr(pod, image))]);
  if (['r', 'ro', 'route'].includes(object)) return result([out(ipRoute(pod, image))]);
  const usage =
    object === ''
      ? 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n'
      : `Object "${object}" is unknown, try "ip help".\n`;
  return result([errOut(usage)], object === '' ? 255 : 1);
}

const dateText = (now: number): string => {
  const d = new Date(now);
  const [wd, mon, day, , time] = d.toUTCString().replace(',', '').split(' ');
  const year = d.getUTCFullYear();
  return `${wd} ${mon} ${day} ${time} UTC ${year}`.replace(/ 0(\d) /, '  $1 ');
};

/**
 * `sh -c SCRIPT` (or a script fed to `-i`): each command runs in turn, `&&` and `||` look at
 * the last status, and each command sees what the previous ones did to the cluster.
 */
function shell(
  target: ExecTarget,
  image: ImageSpec,
  name: string,
  args: readonly string[],
  env: Env,
): ProgramResult {
  // Without -c the shell reads commands from stdin: the fenced block given with -i, or nothing,
  // in which case it meets end-of-file at once and exits 0 (chat has no interactive terminal).
  if (args.length === 0 && target.stdin === null) return result([]);
  const script = args[0] === '-c' ? args[1] : args.length === 0 ? target.stdin : null;
  if (script === undefined) return result([errOut(`${name}: -c: option requires an argument\n`)], 2);
  if (script === null)
    return result([errOut(`${name}: can't open '${args[0] ?? ''}': No such file or directory\n`)], 2);
  const parsed = parseScript(script);
  if (!parsed.ok)
    return result([errOut(`${name}: '${parsed.unsupported}' is not simulated in this sandbox's shell\n`)], 2);
  let cluster = target.cluster;
  const chunks: Chunk[] = [];
  const changes: ProgramResult['changes'] = [];
  const notes: Note[] = [];
  const ran = (exitCode: number): ProgramResult => ({ ...result(chunks, exitCode, changes), notes });
  let status = 0;
  for (const step of parsed.steps) {
    if ((step.after === '&&' && status !== 0) || (step.after === '||' && status === 0)) continue;
    const lookup = (v: string) => (v === '?' ? String(status) : (env.get(v) ?? ''));
    const argv = step.words.flatMap((w) => expandWord(w, lookup));
    const builtin = shellBuiltin(argv, env);
    if (builtin === 'exit') return ran(Number(argv[1] ?? status) || 0);
    const run = builtin ?? command({ ...target, cluster }, image, name, argv, env);
    chunks.push(...run.chunks);
    changes.push(...run.changes);
    notes.push(...(run.notes ?? []));
    cluster = applyToCluster(cluster, run.changes);
    status = run.exitCode;
  }
  return ran(status);
}

function command(
  target: ExecTarget,
  image: ImageSpec,
  shellName: string,
  argv: string[],
  env: Env,
): ProgramResult {
  const program = argv[0] ?? '';
  if (ships(image, program)) return runProgram(target, image, argv, env);
  const notFound =
    shellName === 'bash'
      ? `bash: line 1: ${program}: command not found\n`
      : userlandOf(image) === 'busybox'
        ? `sh: ${program}: not found\n`
        : `sh: 1: ${program}: not found\n`;
  return result([errOut(notFound)], 127);
}

/** Assignments, `export`, `cd`, `pwd` and `exit` belong to the shell itself. */
function shellBuiltin(argv: string[], env: Env): ProgramResult | 'exit' | null {
  const [first = '', ...rest] = argv;
  if (first === 'exit') return 'exit';
  const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
  const assignments =
    first === 'export' ? rest : assignment.test(first) && rest.length === 0 ? [first] : null;
  if (assignments !== null) {
    for (const a of assignments) {
      const m = assignment.exec(a);
      if (m !== null) env.set(m[1] ?? '', m[2] ?? '');
    }
    return result([]);
  }
  if (first === 'cd') return result([]);
  if (first === 'pwd') return result([out('/\n')]);
  return null;
}
