import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CHAT_COMMANDS } from '../commands/index.ts';
import { createApp } from '../src/app.ts';
import { dispatch } from '../src/chat/dispatch.ts';
import type { Request } from '../src/chat/request.ts';
import { createLogger } from '../src/log.ts';
import { summarize, type Timings } from './stats.ts';

/**
 * B1: a mixed kubectl workload (80% reads, 20% writes) through dispatch on a sandbox of 100
 * pods, beside the SQLite floor: one indexed read plus one single-row write transaction with the
 * same pragmas, on the same kind of file.
 */
export interface B1 {
  commands: Timings;
  floor: Timings;
  ratio: number;
}

const request = (text: string): Request => ({
  platform: 'console',
  scope: 'bench',
  channel: 'bench',
  user: 'b1',
  text,
  attachments: [],
});

export function benchCommands(ops = 5_000): B1 {
  const dir = mkdtempSync(join(tmpdir(), 'podium-b1-'));
  const app = createApp({ dbPath: join(dir, 'b1.db'), log: createLogger('silent') });
  if (!app.ok) throw new Error(app.error);
  const send = (text: string) => dispatch(app.value, CHAT_COMMANDS, request(text));
  for (let i = 0; i < 100; i++)
    send(`kubectl run pod${i} --image=luksa/kubia --labels=app=kubia,env=${i % 2 ? 'prod' : 'dev'},n=${i}`);
  const reads = [
    'kubectl get po',
    "kubectl get po -l 'env in (prod)'",
    'kubectl get po -l app=kubia,env!=dev',
    'kubectl describe po pod7',
    'kubectl logs pod3',
  ];
  const samples: number[] = [];
  let extra = 0;
  for (let i = 0; i < ops; i++) {
    let text: string;
    if (i % 5 !== 4) text = reads[i % reads.length] ?? 'kubectl get po';
    else {
      const w = Math.floor(i / 5) % 4;
      const n = extra++;
      text =
        w === 0
          ? `kubectl label po pod${n % 100} step=s${n} --overwrite`
          : w === 1
            ? `kubectl annotate po pod${n % 100} note=n${n} --overwrite`
            : w === 2
              ? `kubectl run extra${n} --image=nginx`
              : `kubectl delete po extra${n - 2}`;
    }
    const start = performance.now();
    send(text);
    samples.push(performance.now() - start);
  }
  app.value.db.close();
  const floor = benchFloor(join(dir, 'floor.db'), ops);
  const commands = summarize(samples);
  return { commands, floor, ratio: commands.p50 / floor.p50 };
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
