import { parseSelector } from '../cluster/labels/selector.ts';
import type { Cluster } from '../cluster/model.ts';
import { goTrimSpace } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { type AnyObject, findObject, listObjects } from './query.ts';
import { categoryMembers, type ResourceInfo, resolveResource } from './resources.ts';
import { kubectlSelectorError, kubectlSelectorText } from './selector.ts';
import { parseTargets } from './targets.ts';

/**
 * Which objects a command's resource arguments and `-l` select, with the errors of cli-runtime's
 * resource Builder (`ResourceTypeOrNameArgs`, `visitorResult`) in the order it raises them: the
 * shape of the arguments first, then names against a selector, and only then type lookup. So
 * `kubectl get -l env in (prod,dev) po` complains about the names, not about a type called `in`.
 */
const plain = (message: string) => kubectlError('plain', { message });

/**
 * The argument errors the Builder finds before it looks anything up. `selectAll` is delete's
 * `--all` (SelectAllParam), which acts as a selector; label's `--all` does not. A field selector
 * (FieldSelectorParam, trimmed) is a selector too.
 */
export function selectorArgsError(
  args: readonly string[],
  selector: string | undefined,
  selectAll = false,
  fieldSelector = '',
): KubectlError | null {
  const selecting =
    kubectlSelectorText(selector ?? '') !== '' || goTrimSpace(fieldSelector) !== '' || selectAll;
  const slashes = args.filter((a) => a.includes('/')).length;
  if (slashes > 0 && slashes < args.length) return null; // parseTargets says "no need to specify..."
  for (const arg of args.filter((a) => a.includes('/'))) {
    const parts = arg.split('/');
    if (parts.length !== 2) return plain('arguments in resource/name form may not have more than one slash');
    if (parts.some((p) => p === '') || (parts[0] ?? '').includes(','))
      return plain('arguments in resource/name form must have a single resource and name');
  }
  if (!selecting) return null;
  // `TYPE1,TYPE2 NAME` is normalised to TYPE/NAME pairs first.
  const tuples = slashes > 0 || (args.length >= 2 && (args[0] ?? '').includes(','));
  if (tuples) return plain('selectors and the all flag cannot be used when passing resource/name arguments');
  if (args.length >= 2) return plain('name cannot be provided when a selector is specified');
  if (args.length === 0) return plain('at least one resource must be specified to use a selector');
  return null;
}

export interface Visit {
  resource: ResourceInfo;
  name: string;
  /** Undefined: the name was given but no such object exists (NotFound). */
  object: AnyObject | undefined;
}

export interface Selection {
  visits: Visit[];
  /** One object named on its own: kubectl prints `--list` without a heading. */
  singleItemImplied: boolean;
}

export interface SelectOptions {
  selector: string | undefined;
  /** label/annotate `--all`: a bare TYPE selects everything of that type. */
  all: boolean;
  namespace: string;
  allNamespaces: boolean;
}

/** The objects `TYPE NAME...`, `TYPE/NAME...`, `TYPE -l SEL` or `TYPE --all` refer to. */
export function selectObjects(
  cluster: Cluster,
  args: readonly string[],
  opts: SelectOptions,
): Result<Selection, KubectlError> {
  const argsError = selectorArgsError(args, opts.selector);
  if (argsError !== null) return err(argsError);
  const parsed = parseTargets(args, 'label');
  if (!parsed.ok) return parsed;
  const { targets } = parsed.value;
  const selectorText = kubectlSelectorText(opts.selector ?? '');
  const named = targets.some((t) => t.names.length > 0);
  if (!named && selectorText === '' && !opts.all) {
    return err(plain('resource(s) were provided, but no name was specified'));
  }
  if (!named) {
    const visits: Visit[] = [];
    for (const { resource } of targets) {
      const parsedSelector = selectorText === '' ? ok(null) : parseSelector(selectorText);
      if (!parsedSelector.ok) {
        const text = kubectlSelectorError(selectorText, resource.type, parsedSelector.error.message);
        return err(kubectlError('rawText', { text }));
      }
      const scope = opts.allNamespaces || !resource.namespaced ? null : opts.namespace;
      for (const object of listObjects(cluster, resource, scope, parsedSelector.value))
        visits.push({ resource, name: object.metadata.name, object });
    }
    return ok({ visits, singleItemImplied: false });
  }
  const pairs = namedPairs(args);
  if (opts.allNamespaces && pairs.some((p) => p.resource.namespaced)) {
    return err(plain('a resource cannot be retrieved by name across all namespaces'));
  }
  const visits = pairs.map(({ resource, name }) => ({
    resource,
    name,
    object: findObject(cluster, resource, opts.namespace, name),
  }));
  return ok({ visits, singleItemImplied: visits.length === 1 });
}

/** (type, name) in the order kubectl visits them: argument order, types before names. */
function namedPairs(args: readonly string[]): { resource: ResourceInfo; name: string }[] {
  const resolve = (word: string) =>
    word.toLowerCase() === 'all'
      ? categoryMembers('all')
      : [resolveResource(word)].filter((r) => r !== undefined);
  const out: { resource: ResourceInfo; name: string }[] = [];
  if (args.some((a) => a.includes('/'))) {
    for (const arg of args) {
      const [word = '', name = ''] = arg.split('/');
      for (const resource of resolve(word)) out.push({ resource, name });
    }
    return out;
  }
  const [types = '', ...names] = args;
  for (const word of types.split(',')) {
    for (const resource of resolve(word)) for (const name of names) out.push({ resource, name });
  }
  return out;
}
