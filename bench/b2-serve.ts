import { CHAT_COMMANDS } from '../commands/index.ts';
import { createApp } from '../src/app.ts';
import { execute } from '../src/chat/dispatch.ts';
import { replyText } from '../src/chat/reply.ts';
import { createLogger } from '../src/log.ts';
import { summarize } from './stats.ts';

/**
 * B2, the bot's steady state: a fresh process opens the database of N sandboxes (as a restarted
 * bot does) and serves `get po -l` to every one of the N members (in a scattered order), then to
 * one member 2,000 times; its RSS is taken after serving them all. Commands go through `execute`,
 * the part of dispatch that runs them: the rate limiter (which would refuse one member's 2,000
 * quick requests) is not what is measured. Every reply must list the member's pods.
 * Prints its figures as one JSON line for b2-scale.ts.
 */
const [path = '', countText = '10000'] = process.argv.slice(2);
const count = Number(countText);
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
for (let i = 0; i < count; i++) {
  const user = `U${(i * 7919) % count}`;
  const start = performance.now();
  ask(user);
  many.push(performance.now() - start);
}
const rssBytes = process.memoryUsage().rss;
const { heapUsed, heapTotal, external } = process.memoryUsage();
const one: number[] = [];
for (let i = 0; i < 2_000; i++) {
  const start = performance.now();
  ask(`U${Math.floor(count / 2)}`);
  one.push(performance.now() - start);
}
console.log(
  JSON.stringify({
    rssBytes,
    heap: { usedBytes: heapUsed, totalBytes: heapTotal, externalBytes: external },
    served: new Set(Array.from({ length: count }, (_, i) => (i * 7919) % count)).size,
    failed,
    manyMembers: summarize(many),
    oneMember: summarize(one),
  }),
);
app.value.db.close();
