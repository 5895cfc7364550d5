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
  const read = { ...input, output: input.output.slice(0, READ_AT_MOST) };
  for (const entry of GUIDE_LINES) {
    if ((entry.program ?? 'kubectl') !== read.program) continue;
    // An entry for any verb is about an error: a command that succeeded is not read for it.
    if (entry.verbs === undefined ? read.ok : !entry.verbs.includes(read.verb)) continue;
    let found: GuideParams = {};
    if (entry.output !== undefined) {
      const match = entry.output.exec(read.output);
      if (match === null) continue;
      found = { ...match.groups };
    }
    const params = entry.when === undefined ? found : entry.when(read, found);
    if (params !== null) return { key: entry.say, params };
  }
  return null;
}

/**
 * The guide line as the member reads it: `💡` and the sentence, with every value (a name, a
 * typed command) shown as inline code that cannot close early or ping anyone.
 */
export function guideText(lang: Lang, saying: GuideSaying): string {
  const params = Object.fromEntries(Object.entries(saying.params).map(([k, v]) => [k, inCode(v, 200)]));
  return `💡 ${t(lang, saying.key, params)}`;
}
