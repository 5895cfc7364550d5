import { goQuote } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import { splitResourcesAndPairs } from './pairs.ts';

/**
 * `kubectl set image`'s client half (set_image.go): `NAME=IMAGE` pairs after the resources
 * (cmdutil GetResourcesAndPairs, then ParsePairs without removals), the containers of a Pod
 * given their new images (`*` is every container; init and ephemeral containers count), and
 * the strategic merge patch kubectl computes between the Pod before and after (the changed
 * containers by their merge key, after a `$setElementOrder` of the list), `{}` for no change.
 */
export interface ImageArgs {
  resources: string[];
  /** In argument order; a name given twice keeps its last image, as a Go map would. */
  images: [string, string][];
}

export function imageArgs(args: readonly string[]): Result<ImageArgs, string> {
  const split = splitResourcesAndPairs(args, 'image');
  if (!split.ok) return split;
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const pair of split.value.pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) images.set(pair.slice(0, eq), pair.slice(eq + 1));
    else invalid.push(pair);
  }
  if (invalid.length > 0) return err(`invalid image format: ${invalid.join(', ')}`);
  return ok({ resources: split.value.resources, images: [...images] });
}

/** Validate's own checks (after the Builder has found the objects), each a line of the aggregate. */
export function imageArgsErrors(
  images: ImageArgs['images'],
  opts: { all: boolean; selector: string; local: boolean; serverDryRun: boolean },
): string[] {
  const errors: string[] = [];
  if (opts.all && opts.selector !== '') errors.push('cannot set --all and --selector at the same time');
  if (images.length < 1) errors.push('at least one image update is required');
  else if (images.length > 1 && images.some(([name]) => name === '*'))
    errors.push(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  if (opts.local && opts.serverDryRun)
    errors.push('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  return errors;
}

type Json = Record<string, unknown>;

const LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

export interface ImageUpdate {
  /** The Pod with the new images (what --local and --dry-run=client print). */
  object: Json;
  /** The strategic merge patch, or null when no image changes. */
  patch: Json | null;
  /** `unable to find container named "x"`, one per name no container has. */
  missing: string[];
}

export function imageUpdate(pod: Json, images: ImageArgs['images']): ImageUpdate {
  const spec = (typeof pod.spec === 'object' && pod.spec !== null ? pod.spec : {}) as Json;
  const lists = LISTS.map((list) => (Array.isArray(spec[list]) ? (spec[list] as Json[]) : null));
  const next = lists.map((items) => items?.map((c) => ({ ...c })) ?? null);
  const missing: string[] = [];
  for (const [name, image] of images) {
    let found = false;
    for (const items of next)
      for (const c of items ?? [])
        if (name === '*' || c.name === name) {
          c.image = image;
          found = true;
        }
    if (!found) missing.push(`unable to find container named ${goQuote(name)}`);
  }
  const nextSpec: Json = { ...spec };
  const patchSpec: Json = {};
  LISTS.forEach((list, i) => {
    const before = lists[i];
    const after = next[i];
    if (before === null || before === undefined || after === null || after === undefined) return;
    nextSpec[list] = after;
    const changed = after.filter((c, j) => c.image !== before[j]?.image);
    if (changed.length === 0) return;
    patchSpec[`$setElementOrder/${list}`] = after.map((c) => ({ name: c.name }));
    patchSpec[list] = changed.map((c) => ({ image: c.image, name: c.name }));
  });
  const changed = Object.keys(patchSpec).length > 0;
  return { object: { ...pod, spec: nextSpec }, patch: changed ? { spec: patchSpec } : null, missing };
}
