import type { Cluster } from '../../src/cluster/model.ts';
import { kubectlError } from '../../src/kubectl/errors.ts';
import { flagBool, flagList, flagString } from '../../src/kubectl/flags.ts';
import { getLineFromFiles } from '../../src/kubectl/manifest-get.ts';
import { RECURSIVE_FLAG } from '../../src/kubectl/manifest-source.ts';
import { namespaceOf } from '../../src/kubectl/namespace.ts';
import { describeNamespace, describeNode } from '../../src/kubectl/printers/describe-node.ts';
import { describePod } from '../../src/kubectl/printers/describe-pod.ts';
import { describeService } from '../../src/kubectl/printers/services.ts';
import { type AnyObject, findObject, listObjects, selectorOf } from '../../src/kubectl/query.ts';
import { qualifiedName } from '../../src/kubectl/resources.ts';
import { parseTargets } from '../../src/kubectl/targets.ts';
import { type KubectlVerb, type OutputLine, outcome, stderr, stdout } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

const NO_TYPE =
  'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.';

export const describe: KubectlVerb = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  help: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Examples:
  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

  # Describe a pod
  kubectl describe pods/nginx

  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel

  # Describe all pods
  kubectl describe pods

Options:
    -A, --all-namespaces=false:
        If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even
        if specified with --namespace.

    -f, --filename=[]:
        Filename, directory, or URL to files containing the resource to describe

    -l, --selector='':
        Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l
        key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.

    --show-events=true:
        If true, display events related to the described object.

Usage:
  kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]`,
  flags: [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-events', type: 'bool' },
    { name: 'filename', short: 'f', type: 'list' },
    RECURSIVE_FLAG,
    // Lists come whole from the simulated server, so chunks change nothing kubectl prints.
    { name: 'chunk-size', type: 'int' },
  ],
  run(ctx, given) {
    const fromFiles = flagList(given, 'filename').length > 0 ? getLineFromFiles(ctx, given) : ok(given);
    if (!fromFiles.ok) return fromFiles;
    const line = fromFiles.value;
    if (line.args.length === 0) return err(kubectlError('plain', { message: NO_TYPE }));
    const parsed = parseTargets(line.args, 'describe');
    if (!parsed.ok) return parsed;
    const { targets } = parsed.value;
    const hasNames = targets.some((t) => t.names.length > 0);
    if (hasNames && flagString(line, 'selector') !== undefined) {
      return err(kubectlError('plain', { message: 'name cannot be provided when a selector is specified' }));
    }
    const allNs = flagBool(line, 'all-namespaces');
    const namespace = namespaceOf(ctx.cluster, line);
    const showEvents = !line.flags.has('show-events') || flagBool(line, 'show-events');
    const cluster = ctx.cluster;
    const found: AnyObject[] = [];
    const errors: OutputLine[] = [];
    for (const target of targets) {
      const selector = selectorOf(line, target.resource.type);
      if (!selector.ok) return selector;
      if (target.names.length === 0) {
        const scope = allNs || !target.resource.namespaced ? null : namespace;
        found.push(...listObjects(ctx.cluster, target.resource, scope, selector.value));
        continue;
      }
      for (const name of target.names) {
        const object = findObject(ctx.cluster, target.resource, namespace, name);
        if (object !== undefined) {
          found.push(object);
          continue;
        }
        // `describe TYPE NAME_PREFIX`: no exact match describes every object the name prefixes.
        const byPrefix =
          line.args.length === 2 && !(line.args[0] ?? '').includes('/')
            ? listObjects(
                ctx.cluster,
                target.resource,
                target.resource.namespaced ? namespace : null,
                null,
              ).filter((o) => o.metadata.name.startsWith(name))
            : [];
        if (byPrefix.length > 0) {
          return ok(
            outcome([stdout(byPrefix.map((o) => chomp(describeOne(o, cluster, showEvents))).join('\n\n'))]),
          );
        }
        errors.push(
          stderr(`Error from server (NotFound): ${qualifiedName(target.resource)} "${name}" not found`),
        );
      }
    }
    const output: OutputLine[] = [];
    if (found.length > 0) {
      output.push(stdout(found.map((o) => chomp(describeOne(o, cluster, showEvents))).join('\n\n\n')));
    } else if (errors.length === 0) {
      output.push(stderr(allNs ? 'No resources found' : `No resources found in ${namespace} namespace.`));
    }
    return ok(outcome([...output, ...errors], [], errors.length > 0 ? 1 : 0));
  },
};

const chomp = (text: string): string => (text.endsWith('\n') ? text.slice(0, -1) : text);

function describeOne(object: AnyObject, cluster: Cluster, showEvents: boolean): string {
  if (object.kind === 'Pod') {
    const text = describePod(object, cluster);
    return showEvents ? text : text.replace(/\nEvents:[\s\S]*$/, '\n');
  }
  if (object.kind === 'Node') {
    const text = describeNode(object, cluster);
    return showEvents ? text : text.replace(/\nEvents:[\s\S]*$/, '\n');
  }
  if (object.kind === 'Service') return describeService(object, cluster, showEvents);
  return describeNamespace(object, cluster);
}
