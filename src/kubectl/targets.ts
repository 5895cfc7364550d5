import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import { categoryMembers, type ResourceInfo, resolveResource } from './resources.ts';

/**
 * kubectl's resource arguments: `TYPE [NAME...]`, `TYPE1,TYPE2 [NAME...]` or `TYPE/NAME ...`
 * (cli-runtime builder.ResourceTypeOrNameArgs). `all` expands to the types in the `all` category.
 */
export interface Target {
  resource: ResourceInfo;
  /** Empty: every object of the type. */
  names: string[];
}

export interface UnsimulatedType {
  word: string;
}

export type Targets = { targets: Target[]; unsimulated: string[] };

export function parseTargets(args: readonly string[], verb: string): Result<Targets, KubectlError> {
  const first = args[0];
  if (first === undefined) return ok({ targets: [], unsimulated: [] });
  if (args.some((a) => a.includes('/'))) return slashForm(args, verb);
  const names = args.slice(1);
  const targets: Target[] = [];
  const unsimulated: string[] = [];
  // A type asked for twice is visited once: for a list, however it is spelt (`po,pods`); with
  // names, only when spelt the same (`po,po web` once, `po,pods web` twice), as kubectl 1.33 does.
  const seen = new Set<string>();
  for (const word of first.split(',')) {
    // `all` is a discovery category: pods, services, the workload controllers, ...
    const resources = word.toLowerCase() === 'all' ? categoryMembers('all') : [resolveResource(word)];
    for (const resource of resources) {
      if (resource === undefined) return err(kubectlError('unknownResourceType', { type: word }));
      const key = `${names.length === 0 ? '' : word}/${resource.type}.${resource.group}`;
      if (seen.has(key)) continue;
      seen.add(key);
      targets.push({ resource, names });
    }
  }
  return ok({ targets, unsimulated });
}

function slashForm(args: readonly string[], _verb: string): Result<Targets, KubectlError> {
  const targets: Target[] = [];
  const unsimulated: string[] = [];
  for (const arg of args) {
    const slash = arg.indexOf('/');
    if (slash === -1) {
      return err(
        kubectlError('plain', {
          message: `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        }),
      );
    }
    const word = arg.slice(0, slash);
    const name = arg.slice(slash + 1);
    if (name === '')
      return err(
        kubectlError('plain', {
          message: `arguments in resource/name form must have a single resource and name`,
        }),
      );
    const resource = resolveResource(word);
    if (resource === undefined) return err(kubectlError('unknownResourceType', { type: word }));
    const existing = targets.find((t) => t.resource.type === resource.type);
    if (existing === undefined) targets.push({ resource, names: [name] });
    else existing.names.push(name);
  }
  return ok({ targets, unsimulated });
}
