import { josa } from 'es-hangul';
import { readAloudEnding } from './read-aloud.ts';

/** The particle pairs es-hangul chooses between, spelled as it spells them. */
const LIBRARY_PAIRS = [
  '이/가',
  '을/를',
  '은/는',
  '으로/로',
  '와/과',
  '이나/나',
  '이란/란',
  '아/야',
  '이랑/랑',
  '이에요/예요',
  '으로서/로서',
  '으로써/로써',
  '으로부터/로부터',
  '이라/라',
] as const;

type LibraryPair = (typeof LIBRARY_PAIRS)[number];

const isLibraryPair = (pair: string): pair is LibraryPair =>
  (LIBRARY_PAIRS as readonly string[]).includes(pair);

/**
 * The pair that decides a longer form the library does not list: `이라는/라는` and `이라고/라고`
 * follow `이/가` (a final consonant takes the first form), and `으로는/로는` follows `으로/로` (a final ㄹ takes the second form, as after a vowel).
 */
function decidingPair(pair: string): LibraryPair | null {
  if (isLibraryPair(pair)) return pair;
  const [after, otherwise, ...rest] = pair.split('/');
  if (after === undefined || otherwise === undefined || rest.length > 0) return null;
  if (after === `이${otherwise}`) return '이/가';
  if (after === `으${otherwise}`) return '으로/로';
  return null;
}

/** Whether `{이라는/라는}` is a particle token `pickParticle` understands. */
export const isParticlePair = (pair: string): boolean => decidingPair(pair) !== null;

/**
 * The form of `pair` (`을/를`, `이에요/예요`, …) that follows `before`, read aloud: after `db-1`
 * (일) `이에요`, after `kubia` (아) `예요`, after `80` (팔십) `으로`. Throws on a pair it does
 * not know: that is a mistake in the catalogue, caught by its test.
 */
export function pickParticle(before: string, pair: string): string {
  const deciding = decidingPair(pair);
  if (deciding === null) throw new Error(`unknown particle pair {${pair}}`);
  const chosen = josa.pick(readAloudEnding(before), deciding);
  if (deciding === pair) return chosen;
  const [after = '', otherwise = ''] = pair.split('/');
  const [libraryAfter] = deciding.split('/');
  return chosen === libraryAfter ? after : otherwise;
}
