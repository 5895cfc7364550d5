import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The course-notes walkthrough (`test/golden/walkthrough.cmds`) as steps a member performs on a
 * platform, each with the reply the golden transcript holds for it (played with the same fixed
 * clock, so every byte must agree): a command with its pasted manifest, if any, or a clock jump.
 */
const GOLDEN = new URL('../golden/', import.meta.url).pathname;

export type Step =
  | { kind: 'advance'; ms: number }
  | { kind: 'command'; line: string; manifest: string | null; want: { text: string; ok: boolean } };

export function walkthrough(): Step[] {
  const golden = goldenReplies();
  const steps: Step[] = [];
  const lines = readFileSync(join(GOLDEN, 'walkthrough.cmds'), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '' || line.startsWith('# ')) continue;
    const advance = /^#! advance (\d+)s$/.exec(line);
    if (advance !== null) {
      steps.push({ kind: 'advance', ms: Number(advance[1]) * 1000 });
      continue;
    }
    let manifest: string | null = null;
    if (lines[i + 1]?.startsWith('```')) {
      const end = lines.indexOf('```', i + 2);
      manifest = `${lines.slice(i + 2, end).join('\n')}\n`;
      i = end;
    }
    const want = golden.shift();
    if (want === undefined || want.command !== line) throw new Error(`golden out of step at ${line}`);
    steps.push({ kind: 'command', line, manifest, want: { text: want.text, ok: want.ok } });
  }
  return steps;
}

/** The golden transcript's replies, in order (a fenced manifest echoed after a prompt is input). */
export function goldenReplies(): { command: string; text: string; ok: boolean }[] {
  const text = readFileSync(join(GOLDEN, '__golden__', 'walkthrough.txt'), 'utf8');
  return text.split(/\n(?=\$ )/).map((block) => {
    const [first = '', ...lines] = block.split('\n');
    const rest = lines[0]?.startsWith('```') ? lines.slice(lines.indexOf('```', 1) + 1) : lines;
    const body = rest.join('\n').trimEnd();
    const ok = !body.endsWith('[exit: error]');
    return { command: first.slice(2), text: body.replace(/\n?\[exit: error\]$/, ''), ok };
  });
}
