import { describe, expect, it } from 'vitest';
import { loadLabs } from '../../src/lab/load.ts';
import { formatProblem, loadBanks } from '../../src/quiz/banks.ts';
import { NUMBERED } from '../../src/quiz/concepts.ts';
import {
  bankReport,
  coverage,
  coverageGaps,
  MAX_TRUE_FALSE_SHARE,
  MIN_QUESTIONS,
  renderBankReport,
} from '../../src/quiz/coverage.ts';
import { FAMILIES } from '../../src/quiz/generate/families.ts';

/**
 * Issue #14, acceptance 1: every question, family and lab names a concept of the notes, and each
 * numbered concept has at least four questions, a generated family and a lab.
 */

const banks = loadBanks();
if (!banks.ok) throw new Error(banks.error.map(formatProblem).join('\n'));
const labs = loadLabs();
if (!labs.ok) throw new Error(labs.error);
const questions = banks.value.flatMap((b) => b.questions);

describe('concept coverage', () => {
  it('GIVEN every bank, family and lab THEN each names a concept, and every concept has 4+ questions, a family and a lab', () => {
    const rows = coverage(questions, FAMILIES, labs.value);
    const counted = rows.reduce((n, r) => n + r.questions.length, 0);
    expect(counted).toBe(questions.length);
    for (const family of FAMILIES) expect(family.concepts.length, family.name).toBeGreaterThan(0);
    for (const lab of labs.value) expect(lab.concepts.length, lab.id).toBeGreaterThan(0);
    const gaps = coverageGaps(rows).map((g) => `${g.concept} lacks ${g.lacks}`);
    expect(gaps).toEqual([]);
  });

  it('GIVEN a concept with three questions, no family or no lab THEN it is reported as a gap', () => {
    const rows = coverage(questions, FAMILIES, labs.value).map((r) =>
      r.concept === 14 ? { ...r, questions: r.questions.slice(0, MIN_QUESTIONS - 1), families: [] } : r,
    );
    const gaps = coverageGaps(rows).map((g) => `${g.concept} lacks ${g.lacks}`);
    expect(gaps).toContain('14 lacks questions');
    expect(gaps).toContain('14 lacks family');
    const noLab = coverage(questions, FAMILIES, []);
    expect(coverageGaps(noLab).filter((g) => g.lacks === 'lab')).toHaveLength(NUMBERED.length);
  });

  it('GIVEN the bank THEN true/false is at most 20% of it', () => {
    const report = bankReport(banks.value, FAMILIES, labs.value);
    expect(report.trueFalseShare).toBeLessThanOrEqual(MAX_TRUE_FALSE_SHARE);
  });

  it('GIVEN the bank report THEN it prints counts per concept, per kind and per language, and the true/false share', () => {
    const report = bankReport(banks.value, FAMILIES, labs.value);
    expect(report.languages.ko).toEqual(report.languages.en);
    expect(report.languages.ko.complete).toBe(report.languages.ko.of);
    const text = renderBankReport(report, String);
    for (const concept of NUMBERED) expect(text).toMatch(new RegExp(`^\\s+${concept}\\s+\\d+ q`, 'm'));
    expect(text).toMatch(/^ {2}single\s+\d+$/m);
    expect(text).toMatch(/^ {2}generated\s+\d+$/m);
    expect(text).toMatch(/^ {2}ko {2}\d+\/\d+$/m);
    expect(text).toMatch(/^True\/false share: \d+\.\d%/m);
  });
});
