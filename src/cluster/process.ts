import { findImage, type ImageSpec } from './images.ts';
import type { Container, Pod } from './model.ts';

/**
 * What a container's main process does, decided from its image and its command/args: which ports
 * it binds, what it prints, and whether (and how) it exits. Containers of a pod share one network
 * namespace, so a server that wants a port an earlier container already bound fails at start with
 * "address already in use", as in the notes.
 */
export interface ProcessPlan {
  /** null: runs until stopped; otherwise the process exits this long after it starts. */
  runsForMs: number | null;
  exitCode: number;
  listens: number[];
  /** Lines printed at each start. */
  logs: string[];
  /** Lines printed again and again while it runs (a `while true; do echo ...; sleep N; done`). */
  every?: { ms: number; lines: string[] };
  /** The port that was already taken, when that is why it exits. */
  portConflict?: number;
}

const QUICK_EXIT_MS = 300;
const NOTHING: ProcessPlan = { runsForMs: null, exitCode: 0, listens: [], logs: [] };

export function planProcess(pod: Pod, index: number): ProcessPlan {
  const container = pod.spec.containers[index];
  const image = container === undefined ? undefined : findImage(container.image);
  if (container === undefined || image === undefined) return NOTHING;
  const plan = basePlan(pod, container, image);
  const taken = new Set(earlierPorts(pod, index));
  const conflict = plan.listens.find((port) => taken.has(port));
  if (conflict === undefined) return plan;
  const bindError = (image.bindError ?? 'bind: address already in use').replaceAll(
    '{port}',
    String(conflict),
  );
  return {
    runsForMs: image.bindFailMs ?? QUICK_EXIT_MS,
    exitCode: 1,
    listens: [],
    logs: [...plan.logs, ...bindError.split('\n')],
    portConflict: conflict,
  };
}

/**
 * Kubernetes' rule for the process: `command` replaces the image's ENTRYPOINT (and drops its CMD),
 * `args` replaces CMD. Entrypoint scripts (`docker-entrypoint.sh`) exec their arguments, and hand
 * arguments that start with "-" to the image's own binary.
 */
export function argvOf(container: Container, image: ImageSpec): string[] {
  let argv =
    container.command !== undefined
      ? [...container.command, ...(container.args ?? [])]
      : [...image.entrypoint, ...(container.args ?? image.cmd)];
  if (/(^|\/)(docker-)?entrypoint\.sh$/.test(argv[0] ?? '')) {
    argv = argv.slice(1);
    if ((argv[0] ?? '-').startsWith('-')) argv = [image.server ?? image.cmd[0] ?? 'sh', ...argv];
  }
  return argv;
}

function basePlan(pod: Pod, container: Container, image: ImageSpec): ProcessPlan {
  const argv = argvOf(container, image);
  const binary = (argv[0] ?? '').split('/').pop() ?? '';
  if (image.server === undefined || binary !== image.server) return commandPlan(argv);
  const fill = (line: string) => line.replaceAll('{hostname}', pod.metadata.name);
  return { runsForMs: null, exitCode: 0, listens: [...image.listens], logs: image.startLogs.map(fill) };
}

/** Ports bound by the containers before `index` that do come up (they start first). */
function earlierPorts(pod: Pod, index: number): number[] {
  const ports: number[] = [];
  for (let i = 0; i < index; i++) {
    const container = pod.spec.containers[i];
    if (container === undefined || findImage(container.image) === undefined) continue;
    const plan = planProcess(pod, i);
    if (plan.portConflict === undefined) ports.push(...plan.listens);
  }
  return ports;
}

/**
 * A command line, as busybox's or alpine's shell would run it. `sleep N` runs N seconds,
 * `sleep infinity`, a `while true` loop or `tail -f` run forever, `httpd -f -p P` / `nc -l -p P`
 * listen on P (plain `httpd -p P` daemonizes, so the container's process ends at once), `echo X`
 * prints X, `exit N` / `false` fail; a shell with no script and no terminal exits at once (the
 * classic CrashLoopBackOff of `kubectl run b --image=busybox`).
 */
export function commandPlan(argv: readonly string[]): ProcessPlan {
  const shell = /^(\/bin\/)?(sh|ash|bash)$/.test(argv[0] ?? '');
  if (shell && argv[1] !== '-c') return { runsForMs: QUICK_EXIT_MS, exitCode: 0, listens: [], logs: [] };
  const line = shell ? argv.slice(2).join(' ') : argv.join(' ');
  const listens = [
    ...line.matchAll(/\bhttpd\b(?=[^;&|]*\s-f\b)[^;&|]*?-p\s*(?:[\d.]+:)?(\d+)/g),
    ...line.matchAll(/\bnc\b[^;&|]*?-l[^;&|]*?-p\s*(\d+)/g),
  ].map((m) => Number(m[1]));
  const loop = /while\s+(?:true|:)\s*;?\s*do(.*?)done/.exec(line);
  const body = loop?.[1] ?? '';
  const echoes = echoesOf(loop === null ? line : line.replace(loop[0], ''));
  if (/sleep\s+inf|tail\s+-f/.test(line) || loop !== null || listens.length > 0) {
    const period = /sleep\s+(\d+)/.exec(body);
    const lines = echoesOf(body);
    const every =
      period !== null && lines.length > 0 ? { ms: Math.max(1, Number(period[1])) * 1000, lines } : null;
    return { runsForMs: null, exitCode: 0, listens, logs: echoes, ...(every === null ? {} : { every }) };
  }
  const sleeps = [...line.matchAll(/\bsleep\s+(\d+)/g)].reduce((ms, m) => ms + Number(m[1]) * 1000, 0);
  const fails = /\bexit\s+([1-9]\d*)/.exec(line) ?? /(^|[;&|\s])false\b/.exec(line);
  const exitCode =
    fails === null ? 0 : fails[1] !== undefined && /^\d+$/.test(fails[1]) ? Number(fails[1]) : 1;
  if (/(^|[;&|]\s*)curl\s*($|[;&|])/.test(line)) {
    return {
      runsForMs: QUICK_EXIT_MS,
      exitCode: 2,
      listens: [],
      logs: [...echoes, "curl: try 'curl --help' or 'curl --manual' for more information"],
    };
  }
  return { runsForMs: Math.max(sleeps, QUICK_EXIT_MS), exitCode, listens: [], logs: echoes };
}

const echoesOf = (script: string): string[] =>
  [...script.matchAll(/echo\s+("([^"]*)"|'([^']*)'|([^;&|]+))/g)].map((m) =>
    (m[2] ?? m[3] ?? m[4] ?? '').trim(),
  );
