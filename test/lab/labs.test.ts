import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS } from '../../src/lab/checks.ts';
import { loadLabs } from '../../src/lab/load.ts';
import { missingCommands, replay } from './replay.ts';

/**
 * Every lab proves itself: each reference solution, replayed through dispatch, passes every check;
 * each known-wrong state fails exactly the checks it names. A route typing a command this build
 * lacks fails by name, so no replay is ever skipped.
 */
const labs = loadLabs();
if (!labs.ok) throw new Error(labs.error);

describe('lab files', () => {
  it('GIVEN quizzes/labs WHEN loaded THEN there are at least 8 labs, each with a solution and a wrong state', () => {
    expect(labs.value.length).toBeGreaterThanOrEqual(8);
    for (const lab of labs.value) {
      expect(lab.solutions.length, lab.id).toBeGreaterThan(0);
      expect(lab.wrong.length, lab.id).toBeGreaterThan(0);
    }
  });

  it('GIVEN every check kind THEN some lab uses it, so a replay proves each kind both ways', () => {
    const used = new Set(labs.value.flatMap((lab) => lab.checks.map((c) => c.kind)));
    expect(Object.keys(CHECK_KINDS).filter((k) => !used.has(k))).toEqual([]);
  });

  it('GIVEN quizzes/labs/README.md THEN it documents every check kind', () => {
    const readme = readFileSync(new URL('../../quizzes/labs/README.md', import.meta.url), 'utf8');
    expect(Object.keys(CHECK_KINDS).filter((k) => !readme.includes(`| \`${k}\` |`))).toEqual([]);
  });
});

for (const lab of labs.value) {
  describe(`lab ${lab.id}`, () => {
    it('GIVEN its routes THEN every kubectl verb and chat command they type exists in this build', () => {
      expect([...lab.solutions, ...lab.wrong].flatMap(missingCommands)).toEqual([]);
    });
    for (const route of lab.solutions) {
      it(`GIVEN solution "${route.name}" WHEN replayed THEN every check passes`, () => {
        const { failed, report } = replay(lab, route);
        expect(failed, report).toEqual([]);
        expect(report).toContain('🎉');
      });
    }
    for (const route of lab.wrong) {
      it(`GIVEN wrong state "${route.name}" WHEN replayed THEN exactly ${route.fails.join(', ')} fail`, () => {
        const { failed, report } = replay(lab, route);
        expect(failed, report).toEqual(lab.checks.filter((c) => route.fails.includes(c.id)).map((c) => c.id));
        expect(report).not.toContain('🎉');
      });
    }
  });
}
