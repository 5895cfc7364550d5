import { inCode } from '../chat/inline-code.ts';
import { t } from '../i18n/catalogue.ts';
import type { Lang } from '../i18n/lang.ts';
import { GUIDE_LINES, type GuideEntry, type GuideInput, type GuideKey, type GuideParams } from './lines.ts';

/** What the guide would say: one catalogue sentence and its values. */
export interface GuideSaying {
  key: GuideKey;
  params: GuideParams;
}

/** kubectl prints at most this much that the guide reads (a long list is not read to its end). */
const READ_AT_MOST = 200_000;

/**
 * The first entry of the table that fits the input, or null when the guide has nothing to add.
 * Decided from the command first: only the entries for its program, verb and outcome are read
 * (a `get` that succeeded has six), then the output, each pattern only where it can match.
 */
export function guideFor(input: GuideInput, seen: OutputSeen = {}): GuideSaying | null {
  const output = input.output.length > READ_AT_MOST ? input.output.slice(0, READ_AT_MOST) : input.output;
  const read: GuideInput = {
    program: input.program,
    line: input.line,
    tokens: input.tokens,
    verb: input.verb,
    output,
    ok: input.ok,
  };
  // Most patterns start with `error: ` at a line's start: an output without one is looked at
  // once for them (for a line break followed by it, not every `e` of a table).
  // What it learns of a cut output is not the caller's answer about the whole.
  const memo = output === input.output ? seen : {};
  const hasErrors = () => {
    memo.errors ??= hasErrorLine(output);
    return memo.errors;
  };
  for (const entry of entriesFor(read.program, read.verb, read.ok)) {
    if (entry.output !== undefined && !mayMatch(entry.output, output, hasErrors)) continue;
    const saying = sayingOf(entry, read);
    if (saying !== null) return saying;
  }
  return null;
}

/**
 * What `guideFor` found out about the output on its way, for its caller to ask again without a
 * second search: whether a line starts with `error: ` (undefined when it did not need to know,
 * or read only the first `READ_AT_MOST` characters of a longer output).
 */
export interface OutputSeen {
  errors?: boolean;
}

/** The table read whole, every entry tried on the whole output (what `guideFor` must equal; for tests). */
export function guideForAfresh(input: GuideInput): GuideSaying | null {
  const output = input.output.length > READ_AT_MOST ? input.output.slice(0, READ_AT_MOST) : input.output;
  const read: GuideInput = { ...input, output };
  for (const entry of GUIDE_LINES) {
    if (!fits(entry, read.program, read.verb, read.ok)) continue;
    const saying = sayingOf(entry, read);
    if (saying !== null) return saying;
  }
  return null;
}

/** What one entry says about the input: its pattern matched (if it has one), then its `when`. */
function sayingOf(entry: GuideEntry, read: GuideInput): GuideSaying | null {
  let found: GuideParams = {};
  if (entry.output !== undefined) {
    const match = entry.output.exec(read.output);
    if (match === null) return null;
    found = { ...match.groups };
  }
  const params = entry.when === undefined ? found : entry.when(read, found);
  return params === null ? null : { key: entry.say, params };
}

/**
 * An entry reads a command of its program (kubectl unless it says) and its verbs; one for any
 * verb, failed commands only. So does one whose pattern starts with kubectl's `error: `: kubectl
 * exits 1 once it prints one, and what a command that succeeded prints after a line break may be
 * its container's own words (`logs`, `exec`), not kubectl's. A successful command's output is
 * then never searched for an error line: for a 100-row table that search was the guide's
 * largest cost, 1.5-3.5 µs on every `get`.
 */
const fits = (entry: GuideEntry, program: string, verb: string, ok: boolean): boolean =>
  (entry.program ?? 'kubectl') === program &&
  (entry.verbs === undefined ? !ok : entry.verbs.includes(verb)) &&
  !(ok && readsErrorLine(entry));

/** Whether the entry's pattern starts with kubectl's `error: ` (at a line's start). */
const readsErrorLine = (entry: GuideEntry): boolean =>
  entry.output !== undefined && leadOf(entry.output).startsWith(ERROR);

/** The entries for a program, verb and outcome, in the table's order, worked out once each. */
function entriesFor(program: string, verb: string, ok: boolean): readonly GuideEntry[] {
  const key = `${program} ${ok ? 'ok' : 'failed'} ${verb}`;
  let entries = byCommand.get(key);
  if (entries === undefined) {
    entries = GUIDE_LINES.filter((entry) => fits(entry, program, verb, ok));
    // The verb is whatever was typed: a bounded number kept.
    if (byCommand.size >= 256) byCommand.clear();
    byCommand.set(key, entries);
  }
  return entries;
}

const byCommand = new Map<string, readonly GuideEntry[]>();

/**
 * Whether a line of the text starts with `error: `: at its start or after a line terminator
 * (where a multiline `^` matches: \n, \r, U+2028, U+2029).
 */
export function hasErrorLine(text: string): boolean {
  // One search for the words, each found checked for what comes before it (four searches, one
  // per line terminator, read a 100-row table four times over: 10-15 µs).
  for (let at = text.indexOf(ERROR); at !== -1; at = text.indexOf(ERROR, at + 1)) {
    if (at === 0) return true;
    const before = text.charCodeAt(at - 1);
    if (before === 10 || before === 13 || before === 0x2028 || before === 0x2029) return true;
  }
  return false;
}

/**
 * Whether `text` has the literal the pattern must start with: most entries read an error line
 * (`^error: the path "…"`/m), which a 100-row table does not have, but a multiline regex is
 * tried at every line of it. Looking for the literal first gives the same answer for less.
 */
export function mayMatch(pattern: RegExp, text: string, hasErrors: () => boolean): boolean {
  const lead = leadOf(pattern);
  if (lead === '') return true;
  // Without the multiline flag `^` is the start of the text only.
  if (!pattern.multiline) return text.startsWith(lead);
  if (lead.startsWith(ERROR) && !hasErrors()) return false;
  return text.includes(lead);
}

const ERROR = 'error: ';

/** `literalLead`, worked out once per pattern. */
function leadOf(pattern: RegExp): string {
  let lead = leads.get(pattern);
  if (lead === undefined) {
    lead = literalLead(pattern);
    leads.set(pattern, lead);
  }
  return lead;
}

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
  // The same line comes again and again (`get po` with the same crash-looping pod): kept by its
  // language, sentence and values, a bounded number of them.
  const key = `${lang} ${saying.key} ${JSON.stringify(saying.params)}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = guideTextAfresh(lang, saying);
    if (texts.size >= 256) texts.clear();
    texts.set(key, text);
  }
  return text;
}

const texts = new Map<string, string>();

/** The guide line written afresh (what `guideText` keeps; for tests). */
export function guideTextAfresh(lang: Lang, saying: GuideSaying): string {
  const params = Object.fromEntries(Object.entries(saying.params).map(([k, v]) => [k, inCode(v, 200)]));
  return `💡 ${t(lang, saying.key, params)}`;
}
