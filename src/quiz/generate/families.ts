import type { Question } from '../question.ts';
import { curl } from './curl.ts';
import { deleteSelector } from './delete-selector.ts';
import { type Family, parseGeneratedId } from './family.ts';
import { labelColumns } from './label-columns.ts';
import { labelOverwrite } from './label-overwrite.ts';
import { logsAfter } from './logs-after.ts';
import { placement } from './placement.ts';
import { podSplit } from './pod-split.ts';
import { portClash } from './port-clash.ts';
import { portForward } from './port-forward.ts';
import { selectorMatch } from './selector-match.ts';
import { serverFields } from './server-fields.ts';

/** Every generator family, listed explicitly. */
export const FAMILIES: readonly Family[] = [
  selectorMatch,
  placement,
  curl,
  portClash,
  deleteSelector,
  portForward,
  logsAfter,
  labelOverwrite,
  labelColumns,
  serverFields,
  podSplit,
];

/** The generated question with this id (`gen:FAMILY:SEED`), or null if no family makes it. */
export function generatedQuestion(id: string): Question | null {
  const parsed = parseGeneratedId(id);
  if (parsed === null) return null;
  const family = FAMILIES.find((f) => f.name === parsed.family);
  return family === undefined ? null : family.generate(parsed.seed);
}
