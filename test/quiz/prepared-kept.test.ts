import { describe, expect, it } from 'vitest';
import { loadBanks } from '../../src/quiz/banks.ts';
import { prepared, preparedAfresh, runIn, runPrepared } from '../../src/quiz/predict.ts';

/**
 * A question's prepared sandbox is kept (a live quiz grades a thousand answers in it): each use
 * must be what preparing it afresh gives, ids included, however many commands ran in earlier uses.
 */
const LINE = 'kubectl run made --image=nginx -o yaml';

const loaded = loadBanks();
if (!loaded.ok) throw new Error('banks');
const withSetup = loaded.value.flatMap((b) => b.questions).flatMap((q) => (q.kind === 'command' ? [q] : []));

describe('prepared sandboxes, kept per question', () => {
  it('GIVEN every question with a setup, used three times with commands that hand out ids THEN each use equals a fresh one', () => {
    expect(withSetup.length).toBeGreaterThan(5);
    let differences = 0;
    for (const q of withSetup) {
      const fresh = preparedAfresh(q.setup, q.id);
      if (!fresh.ok) throw new Error(fresh.error);
      const freshRun = runIn(preparedAfresh(q.setup, q.id), LINE);
      for (let use = 0; use < 3; use++) {
        const kept = prepared(q.setup, q.id);
        if (!kept.ok) throw new Error(kept.error);
        if (JSON.stringify(kept.value.cluster) !== JSON.stringify(fresh.value.cluster)) differences++;
        if (kept.value.ids.serial !== fresh.value.ids.serial) differences++;
        // A pod made here takes uids and a resourceVersion from the ids: the same ones each time.
        const ran = runPrepared(q.setup, q.id, LINE);
        if (JSON.stringify(ran) !== JSON.stringify(freshRun)) differences++;
      }
    }
    expect(differences).toBe(0);
  });
});
