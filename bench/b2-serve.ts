import { CHAT_COMMANDS } from '../commands/index.ts';
import { createApp } from '../src/app.ts';
import { dispatch } from '../src/chat/dispatch.ts';
import { createLogger } from '../src/log.ts';
import { summarize } from './stats.ts';

/**
 * B2, the bot's steady state: a fresh process opens the database of N sandboxes (as a restarted
 * bot does) and serves `get po -l` to 2,000 different members, then to one member 2,000 times.
 * Prints its figures as one JSON line for b2-scale.ts.
 */
const [path = '', countText = '10000'] = process.argv.slice(2);
const count = Number(countText);
const app = createApp({ dbPath: path, log: createLogger('silent') });
if (!app.ok) throw new Error(app.error);
const ask = (user: string) =>
  dispatch(app.value, CHAT_COMMANDS, {
    platform: 'slack',
    scope: 'T1',
    channel: 'C1',
    user,
    text: "kubectl get po -l 'tier in (t1,t2)'",
    attachments: [],
  });
const many: number[] = [];
for (let i = 0; i < 2_000; i++) {
  const user = `U${(i * 7919) % count}`;
  const start = performance.now();
  ask(user);
  many.push(performance.now() - start);
}
const one: number[] = [];
for (let i = 0; i < 2_000; i++) {
  const start = performance.now();
  ask(`U${Math.floor(count / 2)}`);
  one.push(performance.now() - start);
}
console.log(
  JSON.stringify({
    rssBytes: process.memoryUsage().rss,
    manyMembers: summarize(many),
    oneMember: summarize(one),
  }),
);
app.value.db.close();
