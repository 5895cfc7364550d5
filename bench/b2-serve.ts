import { readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { CHAT_COMMANDS } from '../commands/index.ts';
import { createApp } from '../src/app.ts';
import { execute } from '../src/chat/dispatch.ts';
import { replyText } from '../src/chat/reply.ts';
import { boundHeapGrowth } from '../src/executor/heap.ts';
import { createLogger } from '../src/log.ts';
import { summarize } from './stats.ts';

/**
 * B2, the bot's steady state: a fresh process opens the database of N sandboxes (as a restarted
 * bot does) and serves `get po -l` to every one of the N members (in a scattered order), then to
 * one member (the middle one) 5,000 times; its RSS is taken after serving them all. b2-scale.ts
 * runs it on the database of 10,000 and on one of a single sandbox (N = 1, its member asked
 * 10,000 times first), so the one-member figures compare processes equally warm, like with like. Commands go through `execute`,
 * the part of dispatch that runs them: the rate limiter (which would refuse one member's 2,000
 * quick requests) is not what is measured. Every reply must list the member's pods.
 * Prints its figures as one JSON line for b2-scale.ts.
 */
// The process's heap policy, as `src/main.ts` sets it for Podium's own.
boundHeapGrowth();
const [path = '', countText = '10000', roundsText = countText] = process.argv.slice(2);
const count = Number(countText);
/** Queries before the one-member phase (at least one per member): both processes compared run as many, equally warm. */
const rounds = Math.max(count, Number(roundsText));
const app = createApp({ dbPath: path, log: createLogger('silent') });
if (!app.ok) throw new Error(app.error);
let failed = 0;
const ask = (user: string) => {
  const { reply } = execute(app.value, CHAT_COMMANDS, {
    platform: 'slack',
    scope: 'T1',
    channel: 'C1',
    user,
    text: "kubectl get po -l 'tier in (t1,t2)'",
    attachments: [],
  });
  if (!reply.ok || !replyText(reply).includes('pod1 ')) failed++;
};
const many: number[] = [];
// 7919 is prime: i * 7919 mod N visits every member once when N is not a multiple of it.
for (let i = 0; i < rounds; i++) {
  const user = `U${(i * 7919) % count}`;
  const start = performance.now();
  ask(user);
  many.push(performance.now() - start);
}
const rssBytes = process.memoryUsage().rss;
const rssParts = residentParts();
const cache = app.value.sandboxes.cacheSize();
// B2_HEAP_SNAPSHOT=FILE: what the heap holds at that moment, for Chrome's memory tab.
if (process.env.B2_HEAP_SNAPSHOT) writeHeapSnapshot(process.env.B2_HEAP_SNAPSHOT);
const { heapUsed, heapTotal, external } = process.memoryUsage();
const one: number[] = [];
for (let i = 0; i < 5_000; i++) {
  const start = performance.now();
  ask(`U${Math.floor(count / 2)}`);
  one.push(performance.now() - start);
}
console.log(
  JSON.stringify({
    rssBytes,
    heap: { usedBytes: heapUsed, totalBytes: heapTotal, externalBytes: external },
    rssParts,
    cache,
    served: new Set(Array.from({ length: rounds }, (_, i) => (i * 7919) % count)).size,
    failed,
    manyMembers: summarize(many),
    oneMember: summarize(one),
  }),
);
app.value.db.close();

/** Linux's split of the resident memory: anonymous (heaps, caches) and file-backed (code). */
function residentParts(): Record<string, number> | null {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { anonBytes: kb('RssAnon') * 1024, fileBytes: kb('RssFile') * 1024 };
  } catch {
    return null;
  }
}
