import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/quiz/random.ts';
import { openDatabase } from '../../src/store/db.ts';
import { LiveStore } from '../../src/store/quiz-live.ts';

/**
 * "Everyone answered" is asked after every answer of a live quiz: it is first ruled out by two
 * counts and two lookups, and counted participant by participant only when those cannot. Over
 * seeded sessions of joins and answers, the quick answer equals the exact one at every step.
 */
function store() {
  const db = openDatabase(':memory:');
  if (!db.ok) throw new Error(db.error);
  return { db: db.value, live: new LiveStore(db.value) };
}

describe('everyone answered', () => {
  it('GIVEN 40 seeded sessions of joins and answers THEN the quick answer equals the exact one after every step', () => {
    const { db, live } = store();
    // The project's seeded generator: every bit of its output is usable (an LCG's low bits, taken
    // modulo n, repeat: a test drawing with them never drew some characters).
    const next = createRandom('everyone-answered').int;
    let checks = 0;
    let differences = 0;
    const seen = { yes: 0, no: 0 };
    for (let s = 0; s < 40; s++) {
      const session = live.create(
        {
          channel: { platform: 'console', scope: 'test', channel: `c${s}` },
          host: 'host',
          hostName: 'host',
          topic: null,
          lang: 'en',
          seconds: 30,
          timed: true,
          current: 0,
          phase: 'asking',
          nextAt: null,
          createdAt: 0,
          endedAt: null,
          stopped: false,
          lobbySeconds: 0,
        },
        ['q1', 'q2', 'q3'],
      );
      const users = 2 + next(6);
      for (let step = 0; step < 30; step++) {
        const user = `u${next(users)}`;
        const idx = next(3);
        if (next(4) === 0) live.join(session.id, user, user, step);
        else if (live.answerOf(session.id, idx, user) === undefined)
          live.addAnswer(session.id, {
            index: idx,
            user,
            userName: user,
            answer: 'A',
            correct: true,
            points: 1,
            answeredAt: step,
          });
        for (let q = 0; q < 3; q++) {
          const quick = live.everyoneAnswered(session.id, q);
          if (quick !== live.everyoneAnsweredExactly(session.id, q)) differences++;
          if (quick) seen.yes++;
          else seen.no++;
          checks++;
        }
      }
    }
    db.close();
    expect(differences).toBe(0);
    // Both answers occur, so the comparison means something.
    expect(seen.yes).toBeGreaterThan(50);
    expect(seen.no).toBeGreaterThan(50);
    expect(checks).toBe(40 * 30 * 3);
  });
});
