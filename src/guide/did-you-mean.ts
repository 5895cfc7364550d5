import { distance } from 'fastest-levenshtein';
import { join } from 'shlex';
import { KUBECTL_VERBS } from '../../commands/kubectl/index.ts';
import { type FlagSpec, GLOBAL_FLAGS } from '../kubectl/flags.ts';
import { RESOURCES } from '../kubectl/resources.ts';
import { KUBECTL_COMMANDS } from '../kubectl/suggest.ts';

/**
 * "Did you mean `kubectl get pods`?": the command line with each misspelt word put right, found
 * by edit distance (fastest-levenshtein) among the words kubectl knows at that place: the program
 * name, the verb, the resource type after it, a long flag of that verb, the value of `-o`.
 * Each word is compared with a few hundred candidates at most, and a word longer than 40
 * characters is never a misspelling of one of them: the work is bounded.
 */

const OUTPUT_FORMATS = ['wide', 'yaml', 'json', 'name'];

/** Only get prints tables: the other verbs' printers (events, run, wait, ...) refuse `wide`. */
const formatsOf = (verb: string) => (verb === 'get' ? OUTPUT_FORMATS : OUTPUT_FORMATS.slice(1));

/** Verbs whose first argument is a resource type (`get pods`, `delete po x`). */
const TYPED_VERBS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'explain', 'wait']);

/** Simulated types first: on a tie, the pods chapter's words win. */
const RESOURCE_WORDS: readonly string[] = [
  ...new Set(
    [...RESOURCES]
      .sort((a, b) => Number(b.simulated) - Number(a.simulated))
      .flatMap((r) => [r.type, r.singular, ...r.shortNames]),
  ),
  'all',
];

const SIMULATED_VERBS = KUBECTL_VERBS.map((v) => v.name);

/**
 * The closest candidate within reach (2 edits, 1 for a word of 3 letters or fewer), or null
 * when the word is already one of them or nothing is near. Ties go to the earlier candidate.
 */
export function nearest(word: string, candidates: readonly string[], far = 2): string | null {
  const typed = word.toLowerCase();
  if (typed.length === 0 || typed.length > 40 || candidates.includes(word)) return null;
  if (candidates.includes(typed)) return typed;
  const reach = typed.length <= 3 ? 1 : far;
  let best: string | null = null;
  let bestDistance = reach + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - typed.length) > reach) continue;
    const d = distance(typed, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `kubeclt`, `Kubectl`, `kubctl`: the program name, misspelt (never `k`, never `kubectl` itself). */
export function isMisspeltKubectl(word: string): boolean {
  return word !== 'kubectl' && word.length >= 5 && nearest(word, ['kubectl']) === 'kubectl';
}

/**
 * The tokens of a kubectl command line (without `kubectl`) with misspellings put right, or null
 * when nothing needed it.
 */
export function corrected(tokens: readonly string[]): string[] | null {
  const out = [...tokens];
  let changed = false;
  const put = (at: number, word: string) => {
    if (out[at] !== word) {
      out[at] = word;
      changed = true;
    }
  };
  const verbAt = out.findIndex((t, i) => !t.startsWith('-') && !takesValue(out[i - 1] ?? ''));
  if (verbAt === -1) return null;
  const verbWord = out[verbAt] ?? '';
  if (!KUBECTL_COMMANDS.includes(verbWord)) {
    // cobra already suggests verbs within 2 edits; a long verb further off is ours to find.
    const far = verbWord.length >= 7 ? 3 : 2;
    const verb = nearest(verbWord, SIMULATED_VERBS, far) ?? nearest(verbWord, KUBECTL_COMMANDS);
    if (verb === null) return null;
    put(verbAt, verb);
  }
  const verb = out[verbAt] ?? '';
  const specs = flagsOf(verb);
  const names = specs.map((f) => f.name);
  let typeSeen = !TYPED_VERBS.has(verb);
  for (let i = verbAt + 1; i < out.length; i++) {
    const token = out[i] ?? '';
    if (token === '--') break;
    const long = /^--([^=]+)(=.*)?$/s.exec(token);
    const short = /^-([A-Za-z])(=?)(.*)$/s.exec(token);
    if (long !== null) {
      const name = names.includes(long[1] ?? '') ? (long[1] ?? '') : nearest(long[1] ?? '', names);
      if (name === null) continue;
      put(i, `--${name}${long[2] ?? ''}`);
      if (long[2] === undefined && specs.find((f) => f.name === name)?.type !== 'bool')
        i += value(out, i + 1, name === 'output' ? formatsOf(verb) : null, put);
    } else if (short !== null) {
      const spec = specs.find((f) => f.short === short[1]);
      if (spec === undefined || spec.type === 'bool') continue;
      if (short[3] === '') i += value(out, i + 1, spec.name === 'output' ? formatsOf(verb) : null, put);
      else if (spec.name === 'output') {
        const format = nearest(short[3] ?? '', formatsOf(verb));
        if (format !== null) put(i, `-o${short[2] ?? ''}${format}`);
      }
    } else if (!typeSeen) {
      typeSeen = true;
      const [type = '', ...name] = token.split('/');
      const fixed = type
        .split(',')
        .map((t) => nearest(t, RESOURCE_WORDS) ?? t)
        .join(',');
      put(i, [fixed, ...name].join('/'));
    }
  }
  return changed ? out : null;
}

/** The command as the member would type it, quoted where the shell needs it. */
export const commandLine = (tokens: readonly string[]): string => `kubectl ${join(tokens)}`;

/** Steps over a flag's value (1) or the end (0); an `-o` value is put right on the way. */
function value(
  out: string[],
  at: number,
  formats: readonly string[] | null,
  put: (at: number, word: string) => void,
): number {
  const word = out[at];
  if (word === undefined) return 0;
  const format = formats === null ? null : nearest(word, formats);
  if (format !== null) put(at, format);
  return 1;
}

function takesValue(token: string): boolean {
  return /^(-n|--namespace|--context|--kubeconfig)$/.test(token);
}

function flagsOf(verb: string): FlagSpec[] {
  const spec = KUBECTL_VERBS.find((v) => v.name === verb);
  return [...(spec?.flags ?? []), ...GLOBAL_FLAGS];
}
