import { apiObject } from '../../src/cluster/api-object.ts';
import { applyToCluster, type Change } from '../../src/cluster/changes.ts';
import type { Cluster } from '../../src/cluster/model.ts';
import { dryRunUpdate, patchObject } from '../../src/cluster/object-patch.ts';
import { DRY_RUN_FLAG, type DryRun, dryRunOf } from '../../src/kubectl/dry-run-flag.ts';
import { kubectlError } from '../../src/kubectl/errors.ts';
import { flagBool, flagList, flagString, type ParsedLine } from '../../src/kubectl/flags.ts';
import { RECURSIVE_FLAG } from '../../src/kubectl/manifest-source.ts';
import {
  dryRunSuffix,
  outputFormatError,
  printFormatOf,
  renderObjectErrors,
} from '../../src/kubectl/metadata-update.ts';
import { type PatchOutput, printPatched } from '../../src/kubectl/patch-print.ts';
import { fileTargets, namedTargets, type PatchTarget } from '../../src/kubectl/patch-targets.ts';
import { OBJECT_PRINTER_FLAGS } from '../../src/kubectl/printers/object-printer.ts';
import { type ImageArgs, imageArgs, imageArgsErrors, imageUpdate } from '../../src/kubectl/set-image.ts';
import { allowMissingKeysOf } from '../../src/kubectl/template-keys-flag.ts';
import {
  type KubectlVerb,
  type OutputLine,
  outcome,
  stderr,
  type VerbContext,
} from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

const plain = (message: string) => err(kubectlError('plain', { message }));

/** `set`'s subcommands in kubectl 1.33; the sandbox has `image` (a pod's only updatable field). */
const SUBCOMMANDS = ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'];

export const set: KubectlVerb = {
  name: 'set',
  short: 'Set specific features on objects',
  help: `Configure application resources.

 These commands help you make changes to existing application resources.

Available Commands:
  env              Update environment variables on a pod template
  image            Update the image of a pod template
  resources        Update resource requests/limits on objects with pod templates
  selector         Set the selector on a resource
  serviceaccount   Update the service account of a resource
  subject          Update the user, group, or service account in a role binding or cluster role binding

Usage:
  kubectl set SUBCOMMAND [options]

Use "kubectl set <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).`,
  helpFor: (args) => (args[0] === 'image' ? SET_IMAGE_HELP : undefined),
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'filename', short: 'f', type: 'list' },
    RECURSIVE_FLAG,
    { name: 'local', type: 'bool' },
    ...OBJECT_PRINTER_FLAGS,
    { name: 'field-manager', type: 'string' },
    DRY_RUN_FLAG,
  ],
  run(ctx, line) {
    const [sub, ...args] = line.args;
    // cmdutil.DefaultSubCommandRun: a parent command alone prints its help on stderr and fails.
    if (sub === undefined) return ok(outcome([stderr(set.help)], [], 1));
    if (sub !== 'image') {
      if (SUBCOMMANDS.includes(sub)) return err(kubectlError('notSimulated', { verb: `set ${sub}` }));
      return err(kubectlError('usage', { message: `unknown command "${sub}"`, verb: 'set' }));
    }
    const dryRun = dryRunOf(line);
    if (!dryRun.ok) return dryRun;
    // Complete builds the printer first, then the objects, then Validate checks the rest.
    const output = { ...printFormatOf(line), allowMissingKeys: allowMissingKeysOf(line), typed: true };
    const formatError = output.formatError ?? outputFormatError(output.format, ctx.cluster.files);
    if (formatError !== null) return plain(formatError);
    const parsed = imageArgs(args);
    if (!parsed.ok) return plain(parsed.error);
    const targets = imageTargets(ctx, line, parsed.value.resources);
    if (!targets.ok) return targets;
    const invalid = imageArgsErrors(parsed.value.images, {
      all: flagBool(line, 'all'),
      selector: flagString(line, 'selector') ?? '',
      local: flagBool(line, 'local'),
      serverDryRun: dryRun.value === 'server',
    });
    if (invalid.length > 0) return ok(outcome([stderr(aggregate(invalid))], [], 1));
    return ok(
      setImages(ctx, targets.value, parsed.value.images, output, dryRun.value, flagBool(line, 'local')),
    );
  },
};

/** The Builder of set image: `--local` reads only files; otherwise every object must exist (Latest). */
function imageTargets(ctx: VerbContext, line: ParsedLine, resources: string[]) {
  const local = flagBool(line, 'local');
  const files = flagList(line, 'filename').length > 0;
  if (local && !files)
    return plain(
      "you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'",
    );
  if (!files && resources.length === 0) return err(kubectlError('noResources'));
  const targets = files
    ? fileTargets(ctx, line)
    : namedTargets(ctx.cluster, line, resources, {
        selector: flagString(line, 'selector'),
        all: flagBool(line, 'all'),
      });
  if (!targets.ok || local) return targets;
  const missing = targets.value.filter((t) => t.live(ctx.cluster) === undefined);
  if (missing.length === 0) return targets;
  return err(
    kubectlError('rawText', {
      text: renderObjectErrors(missing.map((t) => ({ kind: 'notFound', resource: t.resource, name: t.name })))
        .map((l) => l.text)
        .join('\n'),
    }),
  );
}

/**
 * Run: every object's containers first (names no container has are errors, the rest still
 * change), then each changed object patched as kubectl patches it (a strategic merge patch,
 * through the API door's PATCH step); an unchanged one prints nothing. Errors come last, as
 * one aggregate (only its first line gets `error: `).
 */
function setImages(
  ctx: VerbContext,
  targets: PatchTarget[],
  images: ImageArgs['images'],
  format: PatchOutput,
  dryRun: DryRun,
  local: boolean,
) {
  let cluster = ctx.cluster;
  const output: OutputLine[] = [];
  const errors: string[] = [];
  const changes: Change[] = [];
  const updates = targets.map((target) => planned(cluster, target, images, local, errors));
  const operation = `image updated${local && dryRun === 'none' ? '' : dryRunSuffix(dryRun)}`;
  for (const { target, update } of updates) {
    if (update?.patch === null || update === undefined) continue;
    const live = target.live(cluster);
    if (local || dryRun === 'client' || live === undefined) {
      printInto(output, errors, printPatched({ object: update.object, operation }, format, cluster));
      continue;
    }
    const patched = patchObject(cluster, live, 'strategic', JSON.stringify(update.patch), ctx.ids);
    if (!patched.ok) {
      errors.push(`failed to patch image update to pod template: ${patched.error.message}`);
      continue;
    }
    if (dryRun === 'server') {
      const { object } = dryRunUpdate(patched.value, live);
      printInto(output, errors, printPatched({ object, operation }, format, cluster));
      continue;
    }
    printInto(output, errors, printPatched({ object: patched.value.object, operation }, format, cluster));
    changes.push(...patched.value.changes);
    cluster = applyToCluster(cluster, patched.value.changes);
  }
  const failed = errors.length > 0 ? [stderr(aggregate(errors))] : [];
  return outcome([...output, ...failed], changes, errors.length > 0 ? 1 : 0);
}

/** The object with its new images; a kind without a pod spec is an error of its own. */
function planned(
  cluster: Cluster,
  target: PatchTarget,
  images: ImageArgs['images'],
  local: boolean,
  errors: string[],
) {
  const live = target.live(cluster);
  const object = local ? target.local : live === undefined ? target.local : apiObject(live, cluster);
  if (object === undefined) return { target, update: undefined };
  if (object.kind !== 'Pod') {
    errors.push(
      `error: ${target.resource}/${target.name} the object is not a pod or does not have a pod template: *v1.${String(object.kind)}\n`,
    );
    return { target, update: undefined };
  }
  const update = imageUpdate(object, images);
  errors.push(...update.missing.map((m) => `error: ${m}`));
  return { target, update };
}

/** What was printed goes out now; the printer's error joins the aggregate printed last. */
function printInto(output: OutputLine[], errors: string[], printed: ReturnType<typeof printPatched>): void {
  output.push(...printed.output);
  if (printed.error !== null) errors.push(printed.error);
}

/** cmdutil's MultipleErrors: one line each, `error: ` put before the first if it lacks it. */
function aggregate(errors: readonly string[]): string {
  const text = errors.map((e) => e.replace(/\n$/, '')).join('\n');
  return text.startsWith('error: ') ? text : `error: ${text}`;
}

const SET_IMAGE_HELP = `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)

Examples:
  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1
  
  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  kubectl set image deployments,rc nginx=nginx:1.9.1 --all
  
  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  kubectl set image daemonset abc *=nginx:1.9.1
  
  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml

Options:
    --all=false:
	Select all resources, in the namespace of the specified resource types

    --allow-missing-template-keys=true:
	If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

    --dry-run='none':
	Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.

    --field-manager='kubectl-set':
	Name of the manager used to track field ownership.

    -f, --filename=[]:
	Filename, directory, or URL to files identifying the resource to get from a server.

    -k, --kustomize='':
	Process the kustomization directory. This flag can't be used together with -f or -R.

    --local=false:
	If true, set image will NOT contact api-server but run locally.

    -o, --output='':
	Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

    -R, --recursive=false:
	Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.

    --show-managed-fields=false:
	If true, keep the managedFields when printing objects in JSON or YAML format.

    --template='':
	Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

Usage:
  kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).`;
