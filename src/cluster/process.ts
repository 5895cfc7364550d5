import { echoesOf, firstLoop, listeningPorts } from './command-scan.ts';
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
  return planProcesses(pod)[index] ?? NOTHING;
}

/**
 * The plans of all of a pod's containers, in start order: each container's ports are checked
 * against those bound by the ones before it that came up (one pass, not a re-planning of every
 * earlier container for each later one, which doubled the work per container).
 */
export function planProcesses(pod: Pod): ProcessPlan[] {
  // A pod is an immutable value: its plans are worked out once (status, logs and objects ask).
  // They read only its spec and name, so a relabelled pod (same spec object) keeps them.
  const known = planned.get(pod.spec);
  let plans = known !== undefined && known.name === pod.metadata.name ? known.plans : undefined;
  if (plans === undefined) {
    plans = plannedAfresh(pod);
    // Shared by every reader from now on: frozen, so a reader that changed one would fail loudly.
    for (const plan of plans) {
      Object.freeze(plan.logs);
      Object.freeze(plan.listens);
      Object.freeze(plan);
    }
    Object.freeze(plans);
    planned.set(pod.spec, { name: pod.metadata.name, plans });
  }
  return plans;
}

const planned = new WeakMap<Pod['spec'], { name: string; plans: ProcessPlan[] }>();

/** The plans worked out afresh (what `planProcesses` keeps; for tests). */
export function plannedAfresh(pod: Pod): ProcessPlan[] {
  const taken = new Set<number>();
  return pod.spec.containers.map((container) => {
    const image = findImage(container.image);
    if (image === undefined) return NOTHING;
    const plan = withPortConflict(basePlan(pod, container, image), image, taken);
    if (plan.portConflict === undefined) for (const port of plan.listens) taken.add(port);
    return plan;
  });
}

function withPortConflict(plan: ProcessPlan, image: ImageSpec, taken: ReadonlySet<number>): ProcessPlan {
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
  const flags = image.listenFlags;
  const binds = flags === undefined || argv.some((word) => flags.includes(word));
  const logs = [...image.startLogs, ...(binds ? (image.listenLogs ?? []) : [])].map(fill);
  return { runsForMs: null, exitCode: 0, listens: binds ? [...image.listens] : [], logs };
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
  const listens = listeningPorts(line);
  const loop = firstLoop(line);
  const body = loop?.body ?? '';
  const echoes = echoesOf(loop === undefined ? line : line.slice(0, loop.start) + line.slice(loop.end));
  if (/sleep\s+inf|tail\s+-f/.test(line) || loop !== undefined || listens.length > 0) {
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
