import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { testApp } from '../helpers/app.ts';
import { answersTo } from '../quiz/harness.ts';

/** Plays a practice answer: right or wrong. */
function practise(t: ReturnType<typeof testApp>, user: string, topic: string, right: boolean) {
  t.send(user, `/quiz practice ${topic}`);
  const solo = t.app.quiz.progress.solo({ platform: 'console', scope: 'test', user });
  const question = t.app.quiz.catalog().question(solo?.questionId ?? '');
  if (question === null) throw new Error('no question');
  const { right: r, wrong: w } = answersTo(question);
  t.send(user, `/quiz answer ${right ? r : w}`);
}

describe('/progress', () => {
  const recorded = () => {
    const t = testApp();
    practise(t, 'alice', 'labels', true);
    practise(t, 'alice', 'labels', false);
    practise(t, 'bob', 'labels', false);
    practise(t, 'bob', 'selectors', true);
    t.send('alice', '/lab start first-pod');
    t.app.db.prepare("UPDATE lab_runs SET finished_at = ? WHERE user_id = 'alice'").run(t.clock.now);
    return t;
  };

  it('GIVEN answers and a finished lab WHEN a member asks THEN their labs with dates, accuracy per topic, reviews due and streak', () => {
    const t = recorded();
    const text = t.say('alice', '/progress');
    expect(text).toContain('Labs done: first-pod (2025-01-15)');
    expect(text).toContain('• labels: 1/2 (50%)');
    expect(text).toMatch(/Reviews due: \d+/);
    expect(text).toContain('Daily question streak: 0 days');
  });

  it('GIVEN the same WHEN /progress group THEN the members × labs grid, the group’s accuracy per topic and the most-missed questions match what was recorded', () => {
    const t = recorded();
    const text = t.say('bob', '/progress group');
    expect(text).toMatch(/alice\s+✓/);
    expect(text).toMatch(/bob\s+·/);
    expect(text).toContain('• labels: 1/3 (33%)');
    expect(text).toContain('• selectors: 1/1 (100%)');
    expect(text).toMatch(/Most-missed questions:\n1\. .+ \(\d\/\d\)/);
  });

  it('GIVEN the same WHEN /progress export THEN a CSV that a CSV library parses into exactly the database’s rows, and a Markdown log', () => {
    const t = recorded();
    const reply = t.send('alice', '/progress export');
    expect(reply.visibility).toBe('private');
    expect(replyText(reply)).toMatch(/^The group’s study log/);
    const csv = reply.files?.find((f) => f.name === 'podium-progress.csv');
    const md = reply.files?.find((f) => f.name === 'podium-progress.md');
    expect(csv?.contentType).toBe('text/csv');
    const rows = parse(String(csv?.data), { columns: true }) as Record<string, string>[];
    const topics = t.app.db
      .prepare(
        "SELECT user_id AS member, topic, count(*) AS answered, sum(correct) AS correct FROM quiz_attempts WHERE scope = 'test' GROUP BY user_id, topic ORDER BY user_id, topic",
      )
      .all() as { member: string; topic: string; answered: number; correct: number }[];
    const labs = t.app.db
      .prepare(
        'SELECT user_id AS member, lab_id, finished_at FROM lab_runs WHERE finished_at IS NOT NULL ORDER BY user_id',
      )
      .all() as { member: string; lab_id: string; finished_at: number }[];
    // Each row also names the member as the platform showed them (kept in `members`).
    const names = new Map(
      (
        t.app.db.prepare('SELECT user_id, name FROM members').all() as {
          user_id: string;
          name: string | null;
        }[]
      ).map((m) => [m.user_id, m.name]),
    );
    const nameOf = (id: string) => names.get(id) ?? id;
    expect(rows).toEqual([
      ...topics.map((r) => ({
        member: r.member,
        kind: 'topic',
        item: r.topic,
        answered: String(r.answered),
        correct: String(r.correct),
        finished_at: '',
        name: nameOf(r.member),
      })),
      ...labs.map((l) => ({
        member: l.member,
        kind: 'lab',
        item: l.lab_id,
        answered: '',
        correct: '',
        finished_at: new Date(l.finished_at).toISOString(),
        name: nameOf(l.member),
      })),
    ]);
    expect(String(md?.data)).toMatch(/^# 👥 The group’s progress\n\n## Labs\n\n\| member \| first-pod \|/);
    expect(String(md?.data)).toContain('| alice | 2025-01-15 |');
  });
});
