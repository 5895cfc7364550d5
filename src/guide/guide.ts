import { inCode } from '../chat/inline-code.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { GUIDE_LINES, type GuideInput, type GuideKey, type GuideParams } from './lines.ts';

/** What the guide would say: one catalogue sentence and its values. */
export interface GuideSaying {
  key: GuideKey;
  params: GuideParams;
}

/** kubectl prints at most this much that the guide reads (a long list is not read to its end). */
const READ_AT_MOST = 200_000;

/** The first entry of the table that fits the input, or null when the guide has nothing to add. */
export function guideFor(input: GuideInput): GuideSaying | null {
  const output = input.output.length > READ_AT_MOST ? input.output.slice(0, READ_AT_MOST) : input.output;
  const read: GuideInput = {
    program: input.program,
    tokens: input.tokens,
    verb: input.verb,
    output,
    ok: input.ok,
  };
  // Most patterns start with `error: `: an output without it anywhere is looked at once for them.
  let errors: boolean | undefined;
  const hasErrors = () => {
    errors ??= output.includes(ERROR);
    return errors;
  };
  for (const entry of GUIDE_LINES) {
    if ((entry.program ?? 'kubectl') !== read.program) continue;
    // An entry for any verb is about an error: a command that succeeded is not read for it.
    if (entry.verbs === undefined ? read.ok : !entry.verbs.includes(read.verb)) continue;
    let found: GuideParams = {};
    if (entry.output !== undefined) {
      if (!mayMatch(entry.output, output, hasErrors)) continue;
      const match = entry.output.exec(output);
      if (match === null) continue;
      found = { ...match.groups };
    }
    const params = entry.when === undefined ? found : entry.when(read, found);
    if (params !== null) return { key: entry.say, params };
  }
  return null;
}

/**
 * Whether `text` has the literal the pattern must start with: most entries read an error line
 * (`^error: the path "…"`/m), which a 100-row table does not have, but a multiline regex is
 * tried at every line of it. Looking for the literal first gives the same answer for less.
 */
export function mayMatch(pattern: RegExp, text: string, hasErrors: () => boolean): boolean {
  let lead = leads.get(pattern);
  if (lead === undefined) {
    lead = literalLead(pattern);
    leads.set(pattern, lead);
  }
  if (lead === '') return true;
  // Without the multiline flag `^` is the start of the text only.
  if (!pattern.multiline) return text.startsWith(lead);
  if (lead.startsWith(ERROR) && !hasErrors()) return false;
  return text.includes(lead);
}

const ERROR = 'error: ';

const leads = new Map<RegExp, string>();

/**
 * The plain characters every match begins with, after a leading `^`: up to the first special
 * character, less one before a quantifier; '' when the pattern is not anchored, ignores case or
 * has a top-level alternative (`^a|b`).
 */
export function literalLead(pattern: RegExp): string {
  const source = pattern.source;
  if (!source.startsWith('^') || pattern.ignoreCase || hasTopLevelBar(source)) return '';
  const plain = /^[^\\^$.|?*+()[\]{}]*/.exec(source.slice(1))?.[0] ?? '';
  const next = source[1 + plain.length];
  return next !== undefined && '?*{'.includes(next) ? plain.slice(0, -1) : plain;
}

function hasTopLevelBar(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * The guide line as the member reads it: `💡` and the sentence, with every value (a name, a
 * typed command) shown as inline code that cannot close early or ping anyone.
 */
export function guideText(lang: Lang, saying: GuideSaying): string {
  const params = Object.fromEntries(Object.entries(saying.params).map(([k, v]) => [k, inCode(v, 200)]));
  return `💡 ${t(lang, saying.key, params)}`;
}
