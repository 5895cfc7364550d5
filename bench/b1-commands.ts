import { closeSync, mkdtempSync, openSync, readSync } from 'node:fs';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import BetterSqlite3 from 'better-sqlite3';
import { CHAT_COMMANDS } from '../commands/index.ts';
import { createApp } from '../src/app.ts';
import { dispatch } from '../src/chat/dispatch.ts';
import type { Request } from '../src/chat/request.ts';
import { createLogger } from '../src/log.ts';
import { summarize, type Timings } from './stats.ts';

/**
 * B1: a mixed kubectl workload through dispatch beside the SQLite floor (one indexed read plus
 * one single-row write transaction with the same pragmas, on the same kind of file). The mix is
 * 80% reads (get, selectors, describe, logs, -o yaml, -o wide) and 20% writes (label, annotate,
 * run, delete of the pod just run), and every command must succeed: each kind's successes and
 * failures are counted and printed. The sandbox holds running servers and crash loops; each cell
 * of the grid (10, 50, 100 pods; pods 1 minute, 1 day, 7 days old) is warmed up, then timed.
 */
export interface B1 {
  commands: Timings;
  floor: Timings;
  ratio: number;
  /** Per command kind: how many succeeded and failed (all are meant to succeed). */
  outcomes: Record<string, { ok: number; failed: number }>;
  grid: { pods: number; age: string; timings: Timings }[];
  /**
   * What the slow commands of the 100-pod cells had in common: a young-generation collection
   * (new space shrank while the command ran) or a WAL checkpoint (SQLite copied the log back into
   * the database during its commit, fsyncs included), each counted with its commands' p50, and
   * the p99 of the commands with neither.
   */
  stalls: { commands: number; gc: Timings; checkpoint: Timings; neither: Timings };
  /** Each command of the mix on its own, over the three 100-pod cells: where the time goes. */
  byCommand: { command: string; timings: Timings }[];
  /** `get po -o yaml` on the 100-pod sandbox (7 days old), and its CPU time's median (steadier when the machine is busy). */
  yaml100: Timings;
  yaml100Cpu: number;
  /**
   * Bytes the mix's reads left in V8's old generation per command, over 2,000 of them at 100 pods
   * from one full collection, with only young collections between: garbage that young collections
   * kept alive (something old pointing at it) and copied, each copy a pause. Live data counts too:
   * the replies held for their Share buttons (up to `FLUSH.rows` between writes, src/store/shares.ts).
   */
  oldBytesPerCommand: number;
}

const request = (user: string, text: string): Request => ({
  platform: 'console',
  scope: 'bench',
  channel: 'bench',
  user,
  text,
  attachments: [],
});

export const B1_PODS = [10, 50, 100];
export const B1_AGES: [string, number][] = [
  ['1 minute', 60_000],
  ['1 day', 86_400_000],
  ['7 days', 7 * 86_400_000],
];

/** The mix's commands by their place in a round of 20 (`op` below), as printed per command. */
const MIX = [
  'get po',
  "get po -l 'env in (prod)'",
  'get po -l app=kubia,env!=dev',
  'describe po NAME',
  'logs NAME',
  'get po NAME -o yaml',
  'get po -o wide',
  'get po NAME',
  'label po NAME --overwrite',
  'run NAME',
  'get po',
  "get po -l 'env in (prod)'",
  'get po -l app=kubia,env!=dev',
  'describe po NAME',
  'logs NAME',
  'get po NAME -o yaml',
  'get po -o wide',
  'get po NAME',
  'annotate po NAME --overwrite',
  'delete po NAME',
];

export function benchCommands(opsWanted = 2_000, warmupWanted = 300): B1 {
  // Whole rounds of 20, so that every `run` of a cell is followed by its `delete`.
  const ops = Math.ceil(opsWanted / 20) * 20;
  const warmup = Math.ceil(warmupWanted / 20) * 20;
  const dir = mkdtempSync(join(tmpdir(), 'podium-b1-'));
  const clock = { now: Date.UTC(2025, 0, 15, 10, 0, 0) };
  const app = createApp({ dbPath: join(dir, 'b1.db'), log: createLogger('silent'), clock: () => clock.now });
  if (!app.ok) throw new Error(app.error);
  const outcomes: B1['outcomes'] = {};
  const grid: B1['grid'] = [];
  let headline: Timings | undefined;
  const byCommand = new Map<string, number[]>(MIX.map((m) => [m, []]));
  const stalled = { gc: [] as number[], checkpoint: [] as number[], neither: [] as number[] };
  const probe = checkpointProbe(join(dir, 'b1.db-shm'));
  let yaml100 = summarize([]);
  let yaml100Cpu = Number.NaN;
  let oldBytesPerCommand = Number.NaN;
  for (const pods of B1_PODS) {
    const user = `b1-${pods}`;
    const send = (text: string, count: boolean) => {
      const reply = dispatch(app.value, CHAT_COMMANDS, request(user, text));
      if (count) {
        const kind = text.split(' ').slice(0, 2).join(' ');
        const o = outcomes[kind] ?? { ok: 0, failed: 0 };
        // A label or annotation that set the value it already had changes nothing ("not labeled"):
        // a read, not the write the mix means it to be.
        const unchanged = reply.ok && reply.blocks.some((b) => / not (labeled|annotated)$/m.test(b.text));
        if (reply.ok && !unchanged) o.ok++;
        else o.failed++;
        outcomes[kind] = o;
      }
      return reply;
    };
    // One slot is left under the quota for the pod each `run` adds and the next `delete` removes.
    const base = Math.min(pods, 99);
    const born = clock.now;
    for (let i = 0; i < base; i++) {
      const crash = i % 4 === 3;
      send(
        crash
          ? `kubectl run pod${i} --image=busybox --labels=app=crash,env=${i % 2 ? 'prod' : 'dev'}`
          : `kubectl run pod${i} --image=luksa/kubia --labels=app=kubia,env=${i % 2 ? 'prod' : 'dev'}`,
        false,
      );
    }
    let extra = 0;
    // Which cell of this sandbox is running: each sets label and annotation values of its own, so
    // that every label and annotate writes (the same `i` in a later cell would set the same value).
    let cell = 0;
    const op = (i: number): string => {
      const n = (i * 7) % base;
      const kubia = n - (n % 4 === 3 ? 1 : 0);
      switch (i % 10) {
        case 0:
          return 'kubectl get po';
        case 1:
          return "kubectl get po -l 'env in (prod)'";
        case 2:
          return 'kubectl get po -l app=kubia,env!=dev';
        case 3:
          return `kubectl describe po pod${n}`;
        case 4:
          return `kubectl logs pod${kubia}`;
        case 5:
          return `kubectl get po pod${n} -o yaml`;
        case 6:
          return 'kubectl get po -o wide';
        case 7:
          return `kubectl get po pod${kubia}`;
        case 8:
          return i % 20 === 8
            ? `kubectl label po pod${n} step=s${cell}-${i} --overwrite`
            : `kubectl annotate po pod${n} note=n${cell}-${i} --overwrite`;
        default:
          return i % 20 === 9
            ? `kubectl run extra${extra} --image=nginx`
            : `kubectl delete po extra${extra++}`;
      }
    };
    for (const [age, ms] of B1_AGES) {
      cell++;
      clock.now = born + ms;
      for (let i = 0; i < warmup; i++) {
        clock.now += 50;
        send(op(i), false);
      }
      const samples: number[] = [];
      for (let i = warmup; i < warmup + ops; i++) {
        clock.now += 50;
        const text = op(i);
        // Read before and after the timed command, outside its time.
        const young = pods === 100 ? newSpaceUsed() : 0;
        const copied = pods === 100 ? probe.read() : 0;
        const start = performance.now();
        send(text, true);
        const ms = performance.now() - start;
        samples.push(ms);
        if (pods === 100) {
          byCommand.get(MIX[i % 20] ?? '')?.push(ms);
          const collected = newSpaceUsed() < young;
          if (collected) stalled.gc.push(ms);
          if (probe.read() > copied) stalled.checkpoint.push(ms);
          else if (!collected) stalled.neither.push(ms);
        }
      }
      const timings = summarize(samples);
      grid.push({ pods, age, timings });
      if (pods === 100 && headline === undefined) headline = timings;
    }
    if (pods === 100) {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      gc();
      const before = oldBytes();
      // The reads of the mix only: a write's new pod is live data, not garbage.
      for (let i = 0, done = 0; done < 2000; i++) {
        if (i % 10 >= 8) continue;
        clock.now += 50;
        send(op(i), false);
        done++;
      }
      oldBytesPerCommand = (oldBytes() - before) / 2000;
      for (let i = 0; i < 5; i++) send('kubectl get po -o yaml', false);
      const samples: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < 30; i++) {
        clock.now += 50;
        const used = process.cpuUsage();
        const start = performance.now();
        send('kubectl get po -o yaml', true);
        samples.push(performance.now() - start);
        const spent = process.cpuUsage(used);
        cpu.push((spent.user + spent.system) / 1000);
      }
      yaml100 = summarize(samples);
      yaml100Cpu = summarize(cpu).p50;
    }
    clock.now = born + 8 * 86_400_000;
  }
  probe.close();
  app.value.db.close();
  const floor = benchFloor(join(dir, 'floor.db'), ops);
  const commands = headline ?? summarize([]);
  return {
    commands,
    floor,
    ratio: commands.p50 / floor.p50,
    outcomes,
    grid,
    byCommand: [...byCommand].map(([command, ms]) => ({ command, timings: summarize(ms) })),
    stalls: {
      commands: [...byCommand.values()].reduce((n, ms) => n + ms.length, 0),
      gc: summarize(stalled.gc),
      checkpoint: summarize(stalled.checkpoint),
      neither: summarize(stalled.neither),
    },
    yaml100,
    yaml100Cpu,
    oldBytesPerCommand,
  };
}

/** Bytes in V8's old generation (old space, and large objects, which are allocated there). */
function oldBytes(): number {
  return getHeapSpaceStatistics()
    .filter((space) => space.space_name === 'old_space' || space.space_name === 'lo_space')
    .reduce((n, space) => n + space.space_used_size, 0);
}

/** Bytes in V8's new space: fewer after a command than before it means a scavenge ran during it. */
function newSpaceUsed(): number {
  return getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? 0;
}

/**
 * How many WAL frames SQLite has copied back into the database since the log last restarted
 * (nBackfill, in the wal-index beside the database: the u32 at byte 96, after the two 48-byte
 * copies of its header, in the machine's byte order); it grows during a checkpoint only.
 */
function checkpointProbe(shmPath: string): { read: () => number; close: () => void } {
  const fd = openSync(shmPath, 'r');
  const page = Buffer.alloc(100);
  return {
    read: () => {
      readSync(fd, page, 0, 100, 0);
      return endianness() === 'LE' ? page.readUInt32LE(96) : page.readUInt32BE(96);
    },
    close: () => closeSync(fd),
  };
}

function benchFloor(path: string, ops: number): Timings {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE kv (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO kv (k, v) VALUES (?, ?)');
  for (let i = 0; i < 1000; i++) insert.run(`k${i}`, 'x'.repeat(500));
  const read = db.prepare('SELECT v FROM kv WHERE k = ?');
  const write = db.prepare('UPDATE kv SET v = ? WHERE k = ?');
  const tx = db.transaction((i: number) => {
    read.get(`k${i % 1000}`);
    write.run(`v${i}`, `k${(i * 7) % 1000}`);
  });
  const samples: number[] = [];
  for (let i = 0; i < ops; i++) {
    const start = performance.now();
    tx(i);
    samples.push(performance.now() - start);
  }
  db.close();
  return summarize(samples);
}
