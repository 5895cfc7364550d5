import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MessageAssembler } from '../../src/adapters/console/assembler.ts';
import { speaker } from '../../src/adapters/console/console.ts';
import { replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';

/**
 * Golden transcripts: each `NAME.cmds` file is played, message by message, through the real
 * dispatch with a fixed clock (2025-01-15T10:00:00Z), and the transcript must equal the
 * checked-in `__golden__/NAME.txt`. Directives (lines starting with `#!`):
 *   #! advance 30s      move the sandbox clock (s, m or h)
 *   #! user bob         speak as another member from here on (default: alice)
 * Other lines starting with `# ` are comments. Everything else is a chat message, assembled as
 * the console does (fences continue a message; `-f -` takes the following fenced block).
 */
const DIR = new URL('.', import.meta.url).pathname;

function play(script: string): string {
  const t = testApp();
  let user = 'alice';
  const assembler = new MessageAssembler();
  const out: string[] = [];
  const send = (message: string) => {
    const who = speaker(message, user);
    const reply = t.send(who.user, who.text);
    const prompt = who.user === 'alice' ? '$' : `${who.user}$`;
    out.push(`${prompt} ${who.text}\n${replyText(reply)}${reply.ok ? '' : '\n[exit: error]'}\n`);
  };
  for (const line of script.split('\n')) {
    const directive = /^#!\s*(\w+)\s*(.*)$/.exec(line);
    if (directive !== null) {
      for (const m of assembler.push('')) send(m);
      const [, name, arg = ''] = directive;
      if (name === 'advance') t.advance(duration(arg));
      else if (name === 'user') user = arg.trim();
      else throw new Error(`unknown directive ${name}`);
      continue;
    }
    if (line.startsWith('# ')) continue;
    for (const m of assembler.push(line)) send(m);
  }
  for (const m of assembler.end()) send(m);
  return out.join('\n');
}

function duration(text: string): number {
  const m = /^(\d+)(ms|s|m|h)$/.exec(text.trim());
  if (m === null) throw new Error(`bad duration ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  return Number(m[1]) * unit;
}

describe('golden kubectl transcripts', () => {
  const scripts = readdirSync(DIR).filter((f) => f.endsWith('.cmds'));
  for (const file of scripts) {
    it(`GIVEN ${file} WHEN played through dispatch THEN the transcript matches __golden__`, async () => {
      const transcript = play(readFileSync(join(DIR, file), 'utf8'));
      await expect(transcript).toMatchFileSnapshot(join(DIR, '__golden__', file.replace(/\.cmds$/, '.txt')));
    });
  }
});
