import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHAT_COMMANDS } from '../commands/index.ts';
import { createApp } from '../src/app.ts';
import { dispatch } from '../src/chat/dispatch.ts';
import type { Request } from '../src/chat/request.ts';
import { createLogger } from '../src/log.ts';
import { summarize, type Timings } from './stats.ts';

/**
 * Reading crash-looping pods at several ages (issue 15 acceptance 4, issue 16 item 5): 100 pods
 * of `busybox` with no command (the shell exits at once, a CrashLoopBackOff), read with `get po`
 * and `describe po` at 1 minute, 1 day and 7 days after they were created. A second sandbox holds
 * 100 pods of ten such containers each (half pulled again at every restart) for `describe`.
 * Status and events are computed in closed form, so the figures should not grow with age.
 */
export const AGES: [string, number][] = [
  ['1 minute', 60_000],
  ['1 day', 86_400_000],
  ['7 days', 7 * 86_400_000],
];

export interface AgeFigures {
  age: string;
  getPo: Timings;
  describeOne: Timings;
  describeAllTen: Timings;
}

const request = (user: string, text: string): Request => ({
  platform: 'console',
  scope: 'bench',
  channel: 'bench',
  user,
  text,
  attachments: [],
});

const tenContainers = (name: string): string =>
  [
    'kubectl apply -f -',
    '```yaml',
    'apiVersion: v1',
    'kind: Pod',
    `metadata: {name: ${name}}`,
    'spec:',
    '  containers:',
    ...Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0 ? `  - {name: c${i}, image: busybox}` : `  - {name: c${i}, image: "busybox:1.36"}`,
    ),
    '```',
  ].join('\n');

export function benchAges(rounds = 30): AgeFigures[] {
  const dir = mkdtempSync(join(tmpdir(), 'podium-ages-'));
  const clock = { now: Date.UTC(2025, 0, 15, 10, 0, 0) };
  const app = createApp({
    dbPath: join(dir, 'ages.db'),
    log: createLogger('silent'),
    clock: () => clock.now,
  });
  if (!app.ok) throw new Error(app.error);
  const send = (user: string, text: string) => {
    const reply = dispatch(app.value, CHAT_COMMANDS, request(user, text));
    if (!reply.ok) throw new Error(`${text.split('\n')[0]} failed`);
    return reply;
  };
  for (let i = 0; i < 100; i++) send('single', `kubectl run crash${i} --image=busybox`);
  for (let i = 0; i < 100; i++) send('ten', tenContainers(`ten${i}`));
  const born = clock.now;
  const reads: [string, string, number][] = [
    ['single', 'kubectl get po', rounds],
    ['single', 'kubectl describe po crash7', rounds],
    ['ten', 'kubectl describe po', Math.max(3, Math.floor(rounds / 10))],
  ];
  const samples = AGES.map(() => reads.map((): number[] => []));
  // Warm up at every age, then measure the ages in turn (round-robin), so that the JIT and a
  // busy machine weigh on each age alike.
  for (const [, ms] of AGES) {
    clock.now = born + ms;
    for (const [user, text] of reads) send(user, text);
  }
  for (let round = 0; round < rounds; round++) {
    AGES.forEach(([, ms], a) => {
      clock.now = born + ms;
      reads.forEach(([user, text, n], r) => {
        if (round >= n) return;
        const start = performance.now();
        send(user, text);
        samples[a]?.[r]?.push(performance.now() - start);
      });
    });
  }
  const figures = AGES.map(([age], a) => {
    const [getPo = [], describeOne = [], describeAllTen = []] = samples[a] ?? [];
    return {
      age,
      getPo: summarize(getPo),
      describeOne: summarize(describeOne),
      describeAllTen: summarize(describeAllTen),
    };
  });
  app.value.db.close();
  return figures;
}

/** The largest over the smallest of a figure across the ages (1 = flat). */
export const spread = (figures: AgeFigures[], pick: (f: AgeFigures) => Timings): number => {
  const p50s = figures.map((f) => pick(f).p50);
  return Math.max(...p50s) / Math.min(...p50s);
};
