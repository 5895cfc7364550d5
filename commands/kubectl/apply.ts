import { createNamespace } from '../../src/cluster/namespaces.ts';
import { createPod } from '../../src/cluster/pods.ts';
import { DRY_RUN_FLAG, type DryRun, dryRunOf } from '../../src/kubectl/dry-run-flag.ts';
import { kubectlError } from '../../src/kubectl/errors.ts';
import { flagBool, flagList, flagString } from '../../src/kubectl/flags.ts';
import type { ManifestObject } from '../../src/kubectl/manifest.ts';
import {
  applyToNamespace,
  applyToPod,
  lastAppliedAnnotation,
  nodeCreationError,
  submittedObject,
} from '../../src/kubectl/manifest-apply.ts';
import {
  type Batch,
  commit,
  fail,
  finish,
  newBatch,
  readFiles,
  say,
  successLine,
  validationOf,
  warn,
} from '../../src/kubectl/manifest-batch.ts';
import {
  type FieldValidation,
  generatedName,
  mapKind,
  namespaceFor,
  namespaceFromManifest,
  podFromManifest,
} from '../../src/kubectl/manifest-objects.ts';
import { outputOf, type Printed, printedOutput } from '../../src/kubectl/manifest-print.ts';
import { serverSideApplyObject, serverSideFlagsError } from '../../src/kubectl/manifest-server-side-apply.ts';
import { invalidNamespace } from '../../src/kubectl/namespace-path.ts';
import { fromStatus } from '../../src/kubectl/status-error.ts';
import { type KubectlVerb, stdout, type VerbContext } from '../../src/kubectl/verb.ts';
import { err, ok } from '../../src/result.ts';

export const apply: KubectlVerb = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  help: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted. In chat, "-f -" reads the code block that follows the command, and "-f NAME" reads a file saved with /file save NAME (or an attached file of that name).

Examples:
  # Apply the configuration in kubia-manual.yaml to a pod
  kubectl apply -f kubia-manual.yaml

  # Apply the manifest in the code block after the command
  kubectl apply -f -

Options:
    --dry-run='none': Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.
    --field-manager='kubectl-client-side-apply': Name of the manager used to track field ownership.
    -f, --filename=[]: The files that contain the configurations to apply.
    --force-conflicts=false: If true, server-side apply will force the changes against conflicts.
    -o, --output='': Output format. One of: (json, yaml, name).
    --server-side=false: If true, apply runs in the server instead of the client.
    --validate='strict': Must be one of: strict (or true), warn, ignore (or false).

Usage:
  kubectl apply (-f FILENAME | -k DIRECTORY) [options]`,
  flags: [
    { name: 'filename', short: 'f', type: 'list' },
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', type: 'string' },
    { name: 'validate', type: 'string' },
    { name: 'server-side', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'field-manager', type: 'string' },
  ],
  run(ctx, line) {
    if (flagList(line, 'filename').length === 0)
      return err(kubectlError('plain', { message: 'must specify one of -f and -k' }));
    if (line.args.length > 0)
      return err(
        kubectlError('usage', { message: `Unexpected args: [${line.args.join(' ')}]`, verb: 'apply' }),
      );
    const dryRun = dryRunOf(line);
    if (!dryRun.ok) return dryRun;
    const serverSide = flagBool(line, 'server-side');
    const flagsError = serverSideFlagsError(
      serverSide,
      flagBool(line, 'force-conflicts'),
      dryRun.value === 'client',
    );
    if (flagsError !== null) return err(flagsError);
    const validation = validationOf(line);
    if (!validation.ok) return validation;
    const output = outputOf(flagString(line, 'output'));
    if (!output.ok) return output;
    const files = readFiles(ctx, line);
    if (!files.ok) return files;
    const run: Run = {
      ctx,
      batch: newBatch(ctx.cluster),
      dryRun: dryRun.value,
      validation: validation.value,
      namespace: flagString(line, 'namespace'),
      output: output.value,
      printed: [],
      serverSide,
    };
    // apply reads every object first (GetObjects), so reading errors come before applying ones.
    for (const file of files.value) if (file.error !== null) fail(run.batch, file.error);
    const objects = files.value.flatMap((f) => f.objects);
    if (objects.length === 0 && run.batch.errors.length === 0)
      return err(kubectlError('plain', { message: 'no objects passed to apply' }));
    for (const object of objects) applyObject(run, object);
    const printed = printedOutput(run.printed, run.output, run.batch.cluster);
    if (!printed.ok) return printed;
    if (printed.value !== null) run.batch.output = [stdout(printed.value)];
    return finish(run.batch);
  },
};

interface Run {
  ctx: VerbContext;
  batch: Batch;
  dryRun: DryRun;
  validation: FieldValidation;
  namespace: string | undefined;
  output: string | undefined;
  printed: Printed[];
  serverSide: boolean;
}

function applyObject(run: Run, object: ManifestObject): void {
  const { batch } = run;
  const kind = mapKind(object);
  if (!kind.ok) return void fail(batch, kind.error);
  if (kind.value === 'Node') return void fail(batch, nodeCreationError(object));
  const namespace = kind.value === 'Pod' ? namespaceFor(object, run.namespace, run.ctx.namespace) : ok('');
  if (!namespace.ok) return void fail(batch, namespace.error);
  // apply finds the object by name before anything else, so it needs one.
  const generated = generatedName(object);
  if (generated !== null)
    return void fail(
      batch,
      kubectlError('plain', { message: `from ${generated}: cannot use generate name with apply` }),
    );
  // The client-side apply's GET is refused as it is built (a server-side one, in run-kubectl.ts).
  const unsendable = kind.value === 'Pod' && !run.serverSide ? invalidNamespace(namespace.value) : null;
  if (unsendable !== null)
    return void fail(
      batch,
      kubectlError('plain', { message: retrievalError(object, namespace.value, unsendable) }),
    );
  if (object.name === '')
    return void fail(batch, kubectlError('plain', { message: 'resource name may not be empty' }));
  if (run.serverSide) return void applyOnServer(run, object, kind.value, namespace.value);
  const live =
    kind.value === 'Pod'
      ? batch.cluster.pods.find(
          (p) => p.metadata.namespace === namespace.value && p.metadata.name === object.name,
        )
      : batch.cluster.namespaces.find((n) => n.metadata.name === object.name);
  if (live === undefined) {
    createObject(run, object, kind.value, namespace.value);
    return;
  }
  const update =
    live.kind === 'Pod'
      ? applyToPod(batch.cluster, live, object, run.validation, run.ctx.ids)
      : applyToNamespace(live, object, run.ctx.ids);
  if (!update.ok) {
    warn(batch, update.error.warnings);
    return void fail(batch, update.error.error);
  }
  warn(batch, update.value.warnings);
  if (run.dryRun === 'none') commit(batch, update.value.changes);
  const changed = update.value.changes[0];
  run.printed.push(
    changed?.op === 'putPod'
      ? { object: changed.pod }
      : changed?.op === 'putNamespace'
        ? { object: changed.namespace }
        : { object: live },
  );
  say(batch, successLine(object.kind, object.name, update.value.operation, run.dryRun, run.output));
}

function applyOnServer(run: Run, object: ManifestObject, kind: 'Pod' | 'Namespace', namespace: string): void {
  const { batch } = run;
  const applied = serverSideApplyObject({
    cluster: batch.cluster,
    object,
    kind,
    namespace,
    validation: run.validation,
    ids: run.ctx.ids,
  });
  if (!applied.ok) return void fail(batch, applied.error);
  warn(batch, applied.value.warnings);
  if (run.dryRun === 'none') commit(batch, applied.value.changes);
  run.printed.push({ object: applied.value.object });
  say(batch, successLine(kind, object.name, 'serverside-applied', run.dryRun, run.output));
}

function createObject(run: Run, object: ManifestObject, kind: 'Pod' | 'Namespace', namespace: string): void {
  const { batch, ctx } = run;
  if (run.dryRun === 'client') {
    run.printed.push({ json: submittedObject(object, namespace, true) });
    return void say(batch, successLine(kind, object.name, 'created', run.dryRun, run.output));
  }
  const annotation = lastAppliedAnnotation(object, namespace);
  if (kind === 'Pod') {
    const decoded = podFromManifest(object, namespace, run.validation);
    if (!decoded.ok) return void fail(batch, decoded.error, object.source);
    const { input } = decoded.value;
    const created = createPod(
      batch.cluster,
      { ...input, annotations: { ...input.annotations, ...annotation }, createdVia: 'apply' },
      ctx.ids,
    );
    if (!created.ok) return void fail(batch, fromStatus(created.error, object.source), object.source);
    warn(batch, [...decoded.value.warnings, ...created.value.warnings]);
    if (run.dryRun === 'none') commit(batch, created.value.changes);
    run.printed.push({ object: created.value.pod });
  } else {
    const decoded = namespaceFromManifest(object, run.validation);
    if (!decoded.ok) return void fail(batch, decoded.error, object.source);
    const { input } = decoded.value;
    const created = createNamespace(
      batch.cluster,
      { ...input, annotations: { ...input.annotations, ...annotation } },
      ctx.ids,
    );
    if (!created.ok) return void fail(batch, fromStatus(created.error, object.source), object.source);
    warn(batch, decoded.value.warnings);
    if (run.dryRun === 'none') commit(batch, created.value.changes);
    run.printed.push({ object: created.value.namespace });
  }
  say(batch, successLine(kind, object.name, 'created', run.dryRun, run.output));
}

/** apply.go's wrapping of a failed GET of the live object (info.String() names it). */
const retrievalError = (object: ManifestObject, namespace: string, why: string) =>
  `error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "${object.name}", Namespace: "${namespace}"\nfrom server for: "${object.source}": ${why}`;
