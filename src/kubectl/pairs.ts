import { labelValueErrors } from '../cluster/labels/validation.ts';
import { goQuote } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';

/**
 * The `KEY=VALUE` / `KEY-` arguments of `kubectl label` and `kubectl annotate`, read as kubectl
 * reads them (KC `cmdutil.GetResourcesAndPairs`, `label.parseLabels`, `cmdutil.ParsePairs`).
 * Errors are the message after `error: `.
 */
export interface Pairs {
  /** In argument order; a key given twice keeps its last value, as a Go map would. */
  set: [string, string][];
  remove: string[];
}

/** An argument is a pair if it has a `=` (not first) or ends in `-` (and is not just `-`). */
const isPair = (arg: string) =>
  (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');

/** Resources come first; once a pair is seen, everything after must be a pair too. */
export function splitResourcesAndPairs(
  args: readonly string[],
  pairType: 'label' | 'annotation' | 'image',
): Result<{ resources: string[]; pairs: string[] }, string> {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    if (isPair(arg)) pairs.push(arg);
    else if (pairs.length === 0) resources.push(arg);
    else return err(`all resources must be specified before ${pairType} changes: ${arg}`);
  }
  return ok({ resources, pairs });
}

/** Labels: exactly one `=`, and the value is checked client-side (joined with `;`, no space). */
export function parseLabelPairs(specs: readonly string[]): Result<Pairs, string> {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return err(`invalid label spec: ${spec}`);
      const [key = '', value = ''] = parts;
      const problems = labelValueErrors(value);
      if (problems.length > 0) return err(`invalid label value: ${goQuote(spec)}: ${problems.join(';')}`);
      set.set(key, value);
    } else remove.push(spec.slice(0, -1));
  }
  if (remove.some((key) => set.has(key)))
    return err('can not both modify and remove a label in the same command');
  return ok({ set: [...set], remove });
}

/** Annotations: only the first `=` splits, so values may hold `=` and spaces. */
export function parseAnnotationPairs(specs: readonly string[]): Pairs {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq > 0) set.set(spec.slice(0, eq), spec.slice(eq + 1));
    else remove.push(spec.slice(0, -1));
  }
  return { set: [...set], remove };
}

/** Annotate checks modify-and-remove after its other validations, naming every such key. */
export function annotationConflicts(pairs: Pairs): string | null {
  const keys = pairs.remove.filter((key) => pairs.set.some(([k]) => k === key));
  return keys.length === 0
    ? null
    : `can not both modify and remove the following annotation(s) in the same command: ${keys.join(', ')}`;
}
