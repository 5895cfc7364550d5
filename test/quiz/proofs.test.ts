import { describe, expect, it } from 'vitest';
import { replyText } from '../../src/chat/reply.ts';
import { formatProblem, loadBanks } from '../../src/quiz/banks.ts';
import type { Question } from '../../src/quiz/question.ts';
import { testApp } from '../helpers/app.ts';

/**
 * Issue #14, acceptance 2 (questions): every hand-written question whose key depends on what a
 * cluster does carries a `proof:` transcript, replayed here through the real dispatch in a fresh
 * sandbox. A key the simulator contradicts fails the build.
 */
const banks = loadBanks();
if (!banks.ok) throw new Error(banks.error.map(formatProblem).join('\n'));
const proven = banks.value.flatMap((b) => b.questions).filter((q) => q.proof !== undefined);

function replay(q: Question): void {
  const t = testApp();
  for (const step of q.proof ?? []) {
    if ('advanceMs' in step) {
      t.advance(step.advanceMs);
      continue;
    }
    const text = 'run' in step ? step.run : step.say;
    const reply = t.send('member', text);
    const shown = `${q.id}: ${text}\n=> ${replyText(reply)}`;
    if ('run' in step) {
      expect(reply.ok, shown).toBe(true);
      continue;
    }
    expect(reply.ok, shown).toBe(!step.error);
    for (const fragment of step.expect) expect(replyText(reply), shown).toContain(fragment);
    for (const fragment of step.absent) expect(replyText(reply), shown).not.toContain(fragment);
  }
}

describe('question proofs', () => {
  it('GIVEN the banks THEN at least 30 questions carry a proof, and every proof checks something', () => {
    expect(proven.length).toBeGreaterThanOrEqual(30);
    for (const q of proven)
      expect(
        (q.proof ?? []).some((s) => 'say' in s),
        q.id,
      ).toBe(true);
  });

  it.each(proven.map((q) => [q.id, q] as const))(
    'GIVEN %s WHEN its proof is replayed THEN kubectl agrees with the key',
    (_id, q) => {
      replay(q);
    },
  );
});
