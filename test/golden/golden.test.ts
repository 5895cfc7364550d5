import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageAssembler } from '../../src/adapters/console/assembler.ts';
import { speaker } from '../../src/adapters/console/console.ts';
import { type Reply, replyText } from '../../src/chat/reply.ts';
import { serve } from '../../src/executor/executor.ts';
import { workerPool } from '../../src/executor/pool.ts';
import { T0, type TestApp, testApp } from '../helpers/app.ts';
import { tempDbPath } from '../helpers/console.ts';

/**
 * Golden transcripts: each `NAME.cmds` file is played, message by message, through the real
 * dispatch with a fixed clock (2025-01-15T10:00:00Z), and the transcript must equal the
 * checked-in `__golden__/NAME.txt`. Directives (lines starting with `#!`):
 *   #! advance 30s      move the sandbox clock (s, m or h)
 *   #! user bob         speak as another member from here on (default: alice)
 * Other lines starting with `# ` are comments. Everything else is a chat message, assembled as
 * the console does (fences continue a message; `-f -` takes the following fenced block).
 * Every transcript is played twice: in process, and through the worker pool (its replies cross
 * threads as structured clones, its workers have their own connections and caches), and both
 * must equal the same file.
 */
const DIR = new URL('.', import.meta.url).pathname;

/** A fresh world to play one script in. */
interface Player {
  fresh(): TestApp;
  send(t: TestApp, user: string, text: string): Promise<Reply>;
  close(): Promise<void>;
}

function inProcess(): Player {
  return {
    fresh: () => testApp(':memory:', [], { guide: true }),
    send: async (t, user, text) => t.send(user, text),
    close: async () => {},
  };
}

/** One pool for every script; the database is emptied between scripts (sandbox ids restart at 1). */
function pooled(): Player {
  const dbPath = tempDbPath('podium-golden-');
  const t = testApp(dbPath, [], { guide: true });
  const pool = workerPool(t.app, { dbPath, workers: 2 });
  return {
    fresh() {
      const tables = t.app.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[];
      t.app.db.pragma('foreign_keys = OFF');
      for (const table of tables) t.app.db.prepare(`DELETE FROM ${table}`).run();
      t.app.db.pragma('foreign_keys = ON');
      t.clock.now = T0;
      return t;
    },
    send: (t, user, text) =>
      serve(t.app, pool, {
        platform: 'console',
        scope: 'test',
        channel: 'general',
        user,
        userName: user,
        text,
        attachments: [],
      }),
    close: () => pool.close(),
  };
}

async function play(player: Player, script: string): Promise<string> {
  const t = player.fresh();
  let user = 'alice';
  const assembler = new MessageAssembler();
  const out: string[] = [];
  const send = async (message: string) => {
    const who = speaker(message, user);
    const reply = await player.send(t, who.user, who.text);
    // Replies are plain data: what a worker sends is what the platform thread renders.
    expect(structuredClone(reply)).toEqual(reply);
    const prompt = who.user === 'alice' ? '$' : `${who.user}$`;
    out.push(`${prompt} ${who.text}\n${replyText(reply)}${reply.ok ? '' : '\n[exit: error]'}\n`);
  };
  for (const line of script.split('\n')) {
    const directive = /^#!\s*(\w+)\s*(.*)$/.exec(line);
    if (directive !== null) {
      for (const m of assembler.push('')) await send(m);
      const [, name, arg = ''] = directive;
      if (name === 'advance') t.advance(duration(arg));
      else if (name === 'user') user = arg.trim();
      else throw new Error(`unknown directive ${name}`);
      continue;
    }
    if (line.startsWith('# ')) continue;
    for (const m of assembler.push(line)) await send(m);
  }
  for (const m of assembler.end()) await send(m);
  return out.join('\n');
}

function duration(text: string): number {
  const m = /^(\d+)(ms|s|m|h)$/.exec(text.trim());
  if (m === null) throw new Error(`bad duration ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return Number(m[1]) * unit;
}

describe.each([
  ['in process', inProcess],
  ['through the worker pool', pooled],
])('golden kubectl transcripts, %s', (_name, makePlayer) => {
  let player: Player;
  beforeAll(() => {
    player = makePlayer();
  });
  afterAll(() => player.close());
  const scripts = readdirSync(DIR).filter((f) => f.endsWith('.cmds'));
  for (const file of scripts) {
    it(`GIVEN ${file} WHEN played through dispatch THEN the transcript matches __golden__`, async () => {
      const transcript = await play(player, readFileSync(join(DIR, file), 'utf8'));
      await expect(transcript).toMatchFileSnapshot(join(DIR, '__golden__', file.replace(/\.cmds$/, '.txt')));
    });
  }
});
