import type { Lang } from '../i18n/lang.ts';
import { LANGS } from '../i18n/lang.ts';
import type { Lab } from '../lab/model.ts';
import type { Bank } from './banks.ts';
import { ALL_CONCEPTS, type Concept, NUMBERED } from './concepts.ts';
import type { Family } from './generate/family.ts';
import { choicesOf, type Localized, type Question } from './question.ts';

/**
 * How the notes' concepts are taught: for each concept, the hand-written questions, the generated
 * families and the labs that name it. Issue #14 asks for at least {@link MIN_QUESTIONS} questions,
 * one family and one lab per numbered concept; `coverageGaps` says where that does not hold.
 */
export const MIN_QUESTIONS = 4;
/** True/false may be at most this share of the hand-written bank. */
export const MAX_TRUE_FALSE_SHARE = 0.2;

export interface ConceptCoverage {
  concept: Concept;
  questions: string[];
  families: string[];
  labs: string[];
}

export function coverage(
  questions: readonly Question[],
  families: readonly Family[],
  labs: readonly Lab[],
): ConceptCoverage[] {
  return ALL_CONCEPTS.map((concept) => ({
    concept,
    questions: questions.filter((q) => q.concept === concept).map((q) => q.id),
    families: families.filter((f) => f.concepts.includes(concept)).map((f) => f.name),
    labs: labs.filter((l) => l.concepts.includes(concept)).map((l) => l.id),
  }));
}

export interface Gap {
  concept: Concept;
  lacks: 'questions' | 'family' | 'lab';
}

/** Each numbered concept short of questions, without a family or without a lab. */
export function coverageGaps(rows: readonly ConceptCoverage[]): Gap[] {
  return rows
    .filter((r) => (NUMBERED as readonly Concept[]).includes(r.concept))
    .flatMap((r): Gap[] => [
      ...(r.questions.length < MIN_QUESTIONS ? [{ concept: r.concept, lacks: 'questions' as const }] : []),
      ...(r.families.length === 0 ? [{ concept: r.concept, lacks: 'family' as const }] : []),
      ...(r.labs.length === 0 ? [{ concept: r.concept, lacks: 'lab' as const }] : []),
    ]);
}

export const trueFalseShare = (questions: readonly Question[]): number =>
  questions.length === 0 ? 0 : questions.filter((q) => q.kind === 'truefalse').length / questions.length;

/** Every text of a question a member may read, per language (prompt, choices, notes, explanation). */
export function questionTexts(q: Question): Localized[] {
  const choices = choicesOf(q).flatMap((c) => [
    c.text,
    ...(c.misconception === undefined ? [] : [c.misconception]),
  ]);
  return [q.prompt, q.explanation, ...choices, ...(q.kind === 'truefalse' ? [q.misconception] : [])];
}

export function labTexts(lab: Lab): Localized[] {
  return [lab.title, lab.story, ...lab.steps, ...lab.hints, ...lab.checks.map((c) => c.title)];
}

const complete = (texts: readonly Localized[], lang: Lang): boolean =>
  texts.every((t) => t[lang].trim() !== '');

export interface BankReport {
  rows: ConceptCoverage[];
  kinds: Record<string, number>;
  languages: Record<Lang, { complete: number; of: number }>;
  trueFalseShare: number;
  gaps: Gap[];
}

/** Counts per concept, per kind (families count as `generated`, labs as `lab`) and per language. */
export function bankReport(
  banks: readonly Bank[],
  families: readonly Family[],
  labs: readonly Lab[],
  seeds: readonly string[] = ['a', 'b', 'c', 'd', 'e'],
): BankReport {
  const questions = banks.flatMap((b) => b.questions);
  const rows = coverage(questions, families, labs);
  const kinds: Record<string, number> = {};
  for (const q of questions) kinds[q.kind] = (kinds[q.kind] ?? 0) + 1;
  kinds.generated = families.length;
  kinds.lab = labs.length;
  const items: Localized[][] = [
    ...questions.map(questionTexts),
    ...families.map((f) => seeds.flatMap((seed) => questionTexts(f.generate(seed)))),
    ...labs.map(labTexts),
  ];
  const languages = Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      { complete: items.filter((i) => complete(i, lang)).length, of: items.length },
    ]),
  ) as Record<Lang, { complete: number; of: number }>;
  return { rows, kinds, languages, trueFalseShare: trueFalseShare(questions), gaps: coverageGaps(rows) };
}

export function renderBankReport(report: BankReport, title: (c: Concept) => string): string {
  const lines = ['Concepts (questions / families / labs):'];
  for (const r of report.rows) {
    const fam = r.families.length === 0 ? '-' : r.families.join(', ');
    const labs = r.labs.length === 0 ? '-' : r.labs.join(', ');
    lines.push(
      `  ${String(r.concept).padStart(6)}  ${String(r.questions.length).padStart(3)} q  families: ${fam}  labs: ${labs}  · ${title(r.concept)}`,
    );
  }
  lines.push('', 'Kinds:');
  for (const [kind, n] of Object.entries(report.kinds)) lines.push(`  ${kind.padEnd(10)} ${n}`);
  lines.push('', 'Languages (items with every text in that language):');
  for (const [lang, n] of Object.entries(report.languages)) lines.push(`  ${lang}  ${n.complete}/${n.of}`);
  const share = (report.trueFalseShare * 100).toFixed(1);
  lines.push('', `True/false share: ${share}% (at most ${MAX_TRUE_FALSE_SHARE * 100}%)`);
  lines.push(
    '',
    report.gaps.length === 0
      ? 'Every concept has enough questions, a family and a lab.'
      : `Gaps: ${report.gaps.map((g) => `${g.concept} lacks ${g.lacks}`).join('; ')}`,
  );
  return lines.join('\n');
}
