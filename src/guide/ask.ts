import { fill, t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { type Concept, GLOSSARY } from './glossary.ts';

/**
 * A plain question ("포드가 뭐야?", "what is a sidecar", "help") answered from the glossary, by
 * local keyword matching in both languages: no network, no model, the same answer every time.
 * Each concept scores the lengths of its words found in the message (so "label selector" beats
 * "label"); the best score answers, ties going to the earlier concept. A message longer than
 * a question (over 300 characters) is not read.
 */
const MAX_QUESTION = 300;

const HELP = /^(?:help|도움말?|도와\s?줘|도와주세요|명령어?|commands?|\?)[\s?!.]*$/i;

interface Matcher {
  concept: Concept;
  words: { length: number; test: (text: string) => boolean }[];
}

const literal = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English words stand alone (a Korean particle may follow: `pod가`); Korean ones match inside a word. */
const MATCHERS: readonly Matcher[] = GLOSSARY.map((concept) => ({
  concept,
  words: [
    ...concept.words.ko.map((word) => ({ length: word.length, test: (text: string) => text.includes(word) })),
    ...concept.words.en.map((word) => {
      const pattern = new RegExp(`(?<![a-z0-9-])${literal(word)}(?![a-z0-9])`);
      return { length: word.length, test: (text: string) => pattern.test(text) };
    }),
  ],
}));

/** The concept a question asks about, or null when it names none. */
export function conceptOf(question: string): Concept | null {
  if (question.length > MAX_QUESTION) return null;
  const text = question.toLowerCase().replace(/[“”"'‘’`?!.,;:]/g, ' ');
  let best: Concept | null = null;
  let bestScore = 0;
  for (const { concept, words } of MATCHERS) {
    const found = words.reduce((sum, w) => (w.test(text) ? sum + w.length : sum), 0);
    const score = concept.general === true ? found / 2 : found;
    if (score > bestScore) {
      best = concept;
      bestScore = score;
    }
  }
  return best;
}

/** The answer to a plain question, with where to practise it, or null for no question we know. */
export function answerQuestion(question: string, lang: Lang): string | null {
  if (HELP.test(question.trim())) return t(lang, 'guide.ask.help');
  const concept = conceptOf(question);
  if (concept === null) return null;
  const more =
    concept.lab === null
      ? t(lang, 'guide.ask.quiz', { topic: concept.topic })
      : t(lang, 'guide.ask.quizAndLab', { topic: concept.topic, lab: concept.lab });
  return `${fill(concept.answer[lang])}\n${more}`;
}
