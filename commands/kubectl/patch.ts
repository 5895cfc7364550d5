import { apiObject } from '../../src/cluster/api-object.ts';
import { applyToCluster, type Change } from '../../src/cluster/changes.ts';
import { dryRunUpdate, patchObject } from '../../src/cluster/object-patch.ts';
import { noSuchPath, notFound, type Status } from '../../src/cluster/status.ts';
import { DRY_RUN_FLAG, type DryRun, dryRunOf } from '../../src/kubectl/dry-run-flag.ts';
import { kubectlError } from '../../src/kubectl/errors.ts';
import { flagList, type ParsedLine } from '../../src/kubectl/flags.ts';
import { RECURSIVE_FLAG } from '../../src/kubectl/manifest-source.ts';
import { type ObjectError, renderObjectErrors } from '../../src/kubectl/metadata-update.ts';
import { locallyPatched } from '../../src/kubectl/patch-local.ts';
import { type PatchOptions, patchOptions } from '../../src/kubectl/patch-options.ts';
import { type Patched, printPatched } from '../../src/kubectl/patch-print.ts';
import { type PatchTarget, patchTargets } from '../../src/kubectl/patch-targets.ts';
import { OBJECT_PRINTER_FLAGS } from '../../src/kubectl/printers/object-printer.ts';
import { sortKeys } from '../../src/kubectl/printers/objects.ts';
import { type KubectlVerb, type OutputLine, outcome, type VerbContext } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

const plain = (message: string) => err(kubectlError('plain', { message }));

export const patch: KubectlVerb = {
  name: 'patch',
  short: 'Update fields of a resource',
  help: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.

Examples:
  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'
  
  # Partially update a node using a strategic merge patch, specifying the patch as YAML
  kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'
  
  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
  kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'
  
  # Update a container's image; spec.containers[*].name is required because it's a merge key
  kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'
  
  # Update a container's image using a JSON patch with positional arrays
  kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'
  
  # Update a deployment's replicas through the 'scale' subresource using a merge patch
  kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'

Options:
    --allow-missing-template-keys=true:
	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

    --dry-run='none':
	Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.

    --field-manager='kubectl-patch':
	Name of the manager used to track field ownership.

    -f, --filename=[]:
	Filename, directory, or URL to files identifying the resource to update

    -k, --kustomize='':
	Process the kustomization directory. This flag can't be used together with -f or -R.

    --local=false:
	If true, patch will operate on the content of the file, not the server-side resource.

    -o, --output='':
	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

    -p, --patch='':
	The patch to be applied to the resource JSON file.

    --patch-file='':
	A file containing a patch to be applied to the resource.

    -R, --recursive=false:
	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

    --show-managed-fields=false:
	If true, keep the managedFields when printing objects in JSON or YAML format.

    --subresource='':
	If specified, patch will operate on the subresource of the requested object.

    --template='':
	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

    --type='strategic':
	The type of patch being provided; one of [json merge strategic]

Usage:
  kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).`,
  flags: [
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'filename', short: 'f', type: 'list' },
    RECURSIVE_FLAG,
    { name: 'local', type: 'bool' },
    ...OBJECT_PRINTER_FLAGS,
    { name: 'subresource', type: 'string' },
    { name: 'field-manager', type: 'string' },
    DRY_RUN_FLAG,
  ],
  run(ctx, line) {
    const dryRun = dryRunOf(line);
    if (!dryRun.ok) return dryRun;
    const files = { stdin: ctx.stdin, attachments: ctx.attachments, files: ctx.cluster.files };
    const opts = patchOptions(line, dryRun.value, files);
    if (!opts.ok) return plain(opts.error);
    const targets = patchTargets(ctx, line, opts.value.local);
    if (!targets.ok) return targets;
    return ok(patchAll(ctx, line, targets.value, opts.value, dryRun.value));
  },
};

/**
 * Each object in turn, as patch.go's ContinueOnError visitor does it: later objects see the
 * patches of earlier ones (`patch po web web` is `patched`, then `patched (no change)`); errors
 * print at the end, and any of them makes the exit code 1.
 */
function patchAll(
  ctx: VerbContext,
  line: ParsedLine,
  targets: PatchTarget[],
  opts: PatchOptions,
  dryRun: DryRun,
) {
  let cluster = ctx.cluster;
  const output: OutputLine[] = [];
  const errors: ObjectError[] = [];
  const changes: Change[] = [];
  for (const target of targets) {
    const patched = patchOne(ctx, cluster, target, opts, dryRun);
    if (!patched.ok) {
      errors.push(patched.error);
      continue;
    }
    // patch.go builds its printer after the PATCH: a bad -o fails once the object has changed.
    const printed = printPatched(patched.value, opts, cluster);
    output.push(...printed.output);
    if (printed.error !== null) errors.push({ kind: 'client', message: printed.error });
    if (dryRun !== 'none' || patched.value.changes.length === 0) continue;
    changes.push(...patched.value.changes);
    cluster = applyToCluster(cluster, patched.value.changes);
  }
  if (targets.length === 0 && flagList(line, 'filename').length > 0)
    errors.push({ kind: 'client', message: 'no objects passed to patch' });
  return outcome([...output, ...renderObjectErrors(errors)], changes, errors.length > 0 ? 1 : 0);
}

type Step = { ok: true; value: Patched & { changes: Change[] } } | { ok: false; error: ObjectError };

/**
 * One object: sent to the server (src/cluster/object-patch.ts, the API door's own PATCH), or with
 * `--dry-run=client` and `--local` patched on the client, which has no server rules to apply.
 * `(no change)` when what comes back equals what kubectl started from (the GET, or the file).
 */
function patchOne(
  ctx: VerbContext,
  cluster: VerbContext['cluster'],
  target: PatchTarget,
  opts: PatchOptions,
  dryRun: DryRun,
): Step {
  const live = target.live(cluster);
  const before = target.local ?? (live === undefined ? undefined : apiObject(live, cluster));
  if (opts.local || dryRun === 'client') {
    if (before === undefined) return refused(notFound(target.resource, target.name));
    const next = locallyPatched(before, opts.type, opts.body);
    if (!next.ok) return { ok: false, error: { kind: 'client', message: next.error } };
    return done(before, next.value, []);
  }
  if (opts.subresource !== '' && opts.subresource !== 'status') return refused(noSuchPath);
  if (live === undefined) return refused(notFound(target.resource, target.name));
  const update = patchObject(cluster, live, opts.type, opts.body, ctx.ids);
  if (!update.ok) return refused(update.error);
  const answer = dryRun === 'server' ? dryRunUpdate(update.value, live) : update.value;
  return done(before ?? answer.object, answer.object, answer.changes);
}

const done = (before: Record<string, unknown>, object: Record<string, unknown>, changes: Change[]): Step => ({
  ok: true,
  value: {
    object,
    // No dry-run suffix: patch.go sets the name printer's operation itself.
    operation:
      JSON.stringify(sortKeys(before)) !== JSON.stringify(sortKeys(object))
        ? 'patched'
        : 'patched (no change)',
    changes,
  },
});

const refused = (status: Status): Step => ({ ok: false, error: { kind: 'server', status } });
