import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../helpers/console.ts';

/**
 * The console end to end (`podium console --json --no-timers`): a scripted session with practice,
 * a live quiz with @bob and @carol, a review and stats, in English and Korean; a process killed
 * between two answers of a live quiz; and a start-up refused over a broken bank.
 */
const BIN = new URL('../../bin/podium.js', import.meta.url).pathname;

interface Line {
  user: string;
  input: string;
  ok: boolean;
  text: string;
  choices: { id: string; label: string; action: string }[];
  edited?: boolean;
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'podium-quiz-console-'));
const _parse = (stdout: string): Line[] =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);

function podium(script: string, args: string[], env: Record<string, string> = {}) {
  return runConsole(script, ['--no-timers', ...args], env);
}

/** Each member answers twice: a letter, then T (so a true/false question gets an answer too). */
const answer = (who: string) => [`${who}/quiz answer A`, `${who}/quiz answer T`];

const SCRIPT = (lang: 'en' | 'ko') =>
  [
    `/lang ${lang}`,
    '/quiz practice labels',
    ...answer(''),
    '/quiz start selectors 2',
    ...answer(''),
    ...answer('@bob '),
    '/quiz next',
    ...answer('@bob '),
    ...answer('@carol '),
    ...answer(''),
    '/quiz review',
    '/quiz stats',
    '@carol /quiz stats',
    '',
  ].join('\n');

describe('quizzes in the console', { timeout: 180_000 }, () => {
  it.each([
    [
      'en',
      /^Practice · Pods and labels/,
      /^Live quiz on Label selectors: 2 questions, no timer/,
      /^Question 1\/2 · Label selectors/,
      /^🏁 The quiz on Label selectors is over\./,
      /^Your quiz results/,
    ],
    [
      'ko',
      /^연습 · 파드와 레이블/,
      /^레이블 셀렉터 라이브 퀴즈: 2문제, 타이머 없음/,
      /^문제 1\/2 · 레이블 셀렉터/,
      /^🏁 레이블 셀렉터 퀴즈가 끝났어요\./,
      /^나의 퀴즈 결과/,
    ],
  ] as const)(
    'GIVEN a scripted session in %s WHEN piped with --json --no-timers THEN one line per message, the quiz posts in order, and practice, review and stats work',
    (lang, practiceRe, startRe, questionRe, finalRe, statsRe) => {
      const { lines, status } = podium(SCRIPT(lang), ['--user', 'alice', '--db', join(tempDir(), 'p.db')], {
        PODIUM_LANG: lang,
      });
      expect(status).toBe(0);
      const replies = lines.filter((l) => l.user !== 'podium');
      const inputs = SCRIPT(lang)
        .split('\n')
        .filter((l) => l !== '');
      expect(replies).toHaveLength(inputs.length);
      expect(replies.map((l) => (l.user === 'alice' ? l.input : `@${l.user} ${l.input}`))).toEqual(inputs);
      expect(replies[1]?.text).toMatch(practiceRe);
      expect(replies[1]?.choices.every((c) => /^\/quiz answer #p1 [A-Z]$/.test(c.action))).toBe(true);
      expect(replies[4]?.text).toMatch(startRe);

      // What podium posted, in order: Q1, Q1 closed (an edit), its reveal edited into Q1, Q2,
      // closed, reveal (both edits), results.
      const posts = lines.filter((l) => l.user === 'podium');
      expect(posts.map((p) => (p.edited === true ? 'edit' : 'post'))).toEqual([
        'post',
        'edit',
        'edit',
        'post',
        'edit',
        'edit',
        'post',
      ]);
      expect(posts[0]?.text).toMatch(questionRe);
      expect(posts.every((p) => p.input === '' && p.ok)).toBe(true);
      expect(posts[1]?.choices).toEqual([]);
      expect(posts[2]?.choices).toEqual([]);
      expect(posts[5]?.choices).toEqual([]);
      const final = posts[6]?.text ?? '';
      expect(final).toMatch(finalRe);
      // The podium is consistent with the points the two reveals gave.
      const points = new Map<string, number>();
      for (const reveal of [posts[2]?.text ?? '', posts[5]?.text ?? ''])
        for (const m of reveal.matchAll(/^• (\w+) \+(\d+)/gm))
          points.set(m[1] ?? '', (points.get(m[1] ?? '') ?? 0) + Number(m[2]));
      for (const [who, total] of points) expect(final).toContain(`${who} · ${total}`);
      // Q1 closed by /quiz next; Q2 closed once everyone who played (alice, bob) had answered.
      const q2Start = lines.indexOf(posts[3] as Line);
      const q2Close = lines.indexOf(posts[4] as Line);
      expect(lines.slice(q2Start, q2Close).filter((l) => l.user === 'alice').length).toBeGreaterThan(0);

      const review = replies.at(-3)?.text ?? '';
      expect(review).toMatch(
        lang === 'en'
          ? /^(Review · \d+ due|Nothing is due for review right now\.)/
          : /^(복습 · \d+개 남음|지금 복습할 문제는 없어요\.)/,
      );
      expect(replies.at(-2)?.text).toMatch(statsRe);
      expect(replies.at(-1)?.text).toMatch(
        lang === 'en'
          ? /^(Your quiz results|You have not answered)/
          : /^(나의 퀴즈 결과|아직 푼 퀴즈 문제가 없어요)/,
      );
    },
  );

  it('GIVEN a live quiz WHEN the console is killed between two answers and started again THEN no answer is lost and the quiz goes on', async () => {
    const db = join(tempDir(), 'p.db');
    const child = spawn(
      process.execPath,
      [BIN, 'console', '--json', '--no-timers', '--user', 'alice', '--db', db],
      {
        env: { ...process.env, PODIUM_LANG: 'en' },
      },
    );
    // A command question takes a kubectl command: each member also answers with one (refused elsewhere).
    const seen = await drive(
      child,
      ['/quiz start labels 2', ...answer(''), '/quiz answer kubectl get po'],
      (lines) => lines.some((l) => l.input === '/quiz answer kubectl get po'),
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('close', resolve));
    expect(seen.filter((l) => l.user === 'podium')).toHaveLength(1);

    const after = podium(
      [...answer('@bob '), '@bob /quiz answer kubectl get po', '/quiz next', ''].join('\n'),
      ['--user', 'alice', '--db', db],
    );
    expect(after.status).toBe(0);
    const posts = after.lines.filter((l) => l.user === 'podium');
    const reveal = posts.find((p) => /^Question 1\/2: the answer is/.test(p.text))?.text ?? '';
    const counted = [...reveal.matchAll(/ (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    const selectors = /Selectors written: (\d+) right, (\d+) wrong/.exec(reveal);
    const answers = selectors === null ? counted : Number(selectors[1]) + Number(selectors[2]);
    // Multiple choice counts a pick per letter; at least both members' answers are in.
    expect(answers).toBeGreaterThanOrEqual(2);
    const stored = new BetterSqlite3(db, { readonly: true });
    const users = stored
      .prepare('SELECT user_id FROM quiz_live_answers WHERE idx = 0 ORDER BY user_id')
      .all();
    stored.close();
    expect(users).toEqual([{ user_id: 'alice' }, { user_id: 'bob' }]);
    expect(posts.at(-1)?.text).toMatch(/^Question 2\/2 · Pods and labels/);
    const finish = podium(['/quiz stop', ''].join('\n'), ['--user', 'alice', '--db', db]);
    expect(finish.lines.at(-1)?.text).toMatch(/^🏁 The quiz on Pods and labels is over\./);
  });

  it('GIVEN a bank with a bad answer WHEN podium starts THEN it refuses, naming file, line and field', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'demo.yaml'),
      [
        'topic: demo',
        'title: { ko: "데모", en: "Demo" }',
        'questions:',
        '  - id: demo-001',
        '    kind: truefalse',
        '    section: "파드"',
        '    prompt: { ko: "질문", en: "Question" }',
        '    answer: maybe',
        '    misconception: { ko: "오해", en: "myth" }',
        '    explanation: { ko: "해설" }',
        '',
      ].join('\n'),
    );
    const { status, stderr, lines } = podium('/help\n', ['--db', join(dir, 'p.db')], {
      PODIUM_QUIZZES_DIR: dir,
    });
    expect(status).toBe(1);
    expect(lines).toEqual([]);
    expect(stderr).toContain('podium: the quiz banks have problems; fix them and start again:');
    expect(stderr).toMatch(/demo\.yaml:8:5: questions\[0\] \(demo-001\)\.answer: must be true or false/);
    expect(stderr).toMatch(
      /demo\.yaml:10:5: questions\[0\] \(demo-001\)\.explanation\.en: missing language "en"/,
    );
  });
});

/** Feeds lines one by one to a running console and collects its JSON lines until `done`. */
function drive(
  child: ChildProcessWithoutNullStreams,
  inputs: string[],
  done: (lines: Line[]) => boolean,
): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const lines: Line[] = [];
    let buffer = '';
    const timer = setTimeout(
      () => reject(new Error(`console stalled after ${JSON.stringify(lines)}`)),
      60_000,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const part of parts) if (part !== '') lines.push(JSON.parse(part) as Line);
      if (done(lines)) {
        clearTimeout(timer);
        resolve(lines);
      }
    });
    for (const input of inputs) child.stdin.write(`${input}\n`);
  });
}
