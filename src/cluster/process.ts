import { findImage } from './images.ts';
import type { Pod } from './model.ts';

/**
 * What a container's main process does, decided from its image and its command/args: which ports
 * it binds, what it prints, and whether (and how) it exits. Containers of a pod share one network
 * namespace, so a process that wants a port an earlier container already bound fails at start with
 * "address already in use", as in the notes.
 */
export interface ProcessPlan {
  /** null: runs until stopped; otherwise the process exits this long after it starts. */
  runsForMs: number | null;
  exitCode: number;
  listens: number[];
  /** Lines printed at each start. */
  logs: string[];
  /** The port that was already taken, when that is why it exits. */
  portConflict?: number;
}

const QUICK_EXIT_MS = 300;

export function planProcess(pod: Pod, index: number): ProcessPlan {
  const container = pod.spec.containers[index];
  const image = container === undefined ? undefined : findImage(container.image);
  if (container === undefined || image === undefined)
    return { runsForMs: null, exitCode: 0, listens: [], logs: [] };
  const fill = (line: string, port = 0) =>
    line.replaceAll('{hostname}', pod.metadata.name).replaceAll('{port}', String(port));
  const plan: ProcessPlan = image.runsCommand
    ? commandPlan([...(container.command ?? []), ...(container.args ?? [])])
    : {
        runsForMs: null,
        exitCode: 0,
        listens: [...image.listens],
        logs: image.startLogs.map((l) => fill(l)),
      };
  const taken = new Set(earlierPorts(pod, index));
  const conflict = plan.listens.find((port) => taken.has(port));
  if (conflict === undefined) return plan;
  const bindError =
    image.bindError === undefined
      ? `bind: address already in use (port ${conflict})`
      : fill(image.bindError, conflict);
  return {
    runsForMs: QUICK_EXIT_MS,
    exitCode: 1,
    listens: [],
    logs: [...plan.logs, bindError],
    portConflict: conflict,
  };
}

/** Ports bound by the containers before `index` (they start first). */
function earlierPorts(pod: Pod, index: number): number[] {
  const ports: number[] = [];
  for (let i = 0; i < index; i++) {
    const plan = planProcess(pod, i);
    if (plan.portConflict === undefined) ports.push(...plan.listens);
  }
  return ports;
}

/**
 * busybox / alpine: the command line decides. `sleep N` runs N seconds, `sleep infinity`, a
 * `while true` loop or `tail -f` run forever, `httpd -p P` / `nc -l -p P` listen on P, `echo X`
 * prints X and exits; no command at all is a shell with no terminal, which exits at once (the
 * classic CrashLoopBackOff of `kubectl run b --image=busybox`).
 */
export function commandPlan(argv: readonly string[]): ProcessPlan {
  const line = argv.join(' ');
  const listens = [...line.matchAll(/(?:httpd|nc)\b[^;&|]*?-p\s*(\d+)/g)].map((m) => Number(m[1]));
  const echoes = [...line.matchAll(/echo\s+("([^"]*)"|'([^']*)'|([^;&|]+))/g)].map((m) =>
    (m[2] ?? m[3] ?? m[4] ?? '').trim(),
  );
  if (listens.length > 0 || /while\s+true|sleep\s+infinity|tail\s+-f/.test(line)) {
    return { runsForMs: null, exitCode: 0, listens, logs: echoes };
  }
  const sleep = /sleep\s+(\d+)/.exec(line);
  if (sleep !== null) return { runsForMs: Number(sleep[1]) * 1000, exitCode: 0, listens: [], logs: echoes };
  const fails = /\bexit\s+([1-9]\d*)/.exec(line) ?? /\bfalse\b/.exec(line);
  const exitCode = fails === null ? 0 : fails[1] === undefined ? 1 : Number(fails[1]);
  return { runsForMs: QUICK_EXIT_MS, exitCode, listens: [], logs: echoes };
}
