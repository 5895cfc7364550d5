import { createNamespace } from '../cluster/namespaces.ts';
import { createPod } from '../cluster/pods.ts';
import { ok } from '../result.ts';
import type { DryRun } from './dry-run-flag.ts';
import { kubectlError } from './errors.ts';
import { flagBool, flagString, type ParsedLine } from './flags.ts';
import type { ManifestObject } from './manifest.ts';
import { lastAppliedAnnotation, nodeCreationError, submittedObject } from './manifest-apply.ts';
import { type Batch, commit, fail, newBatch, say, successLine, warn } from './manifest-batch.ts';
import {
  type FieldValidation,
  generatedName,
  mapKind,
  namespaceFor,
  namespaceFromManifest,
  podFromManifest,
} from './manifest-objects.ts';
import type { Printed } from './manifest-print.ts';
import { invalidNamespace } from './namespace-path.ts';
import { fromStatus } from './status-error.ts';
import type { VerbContext } from './verb.ts';

/**
 * One object of a manifest POSTed, as `kubectl create -f` sends it and as `kubectl replace
 * --force -f` sends it again once the old one is gone: the server creates it by its own rules
 * (src/cluster/pods.ts), and kubectl says `pod/x created` (or the verb's own word, `replaced`).
 */
export interface CreateRun {
  ctx: VerbContext;
  batch: Batch;
  dryRun: DryRun;
  validation: FieldValidation;
  namespace: string | undefined;
  saveConfig: boolean;
  output: string | undefined;
  printed: Printed[];
}

/** A run over the objects of `-f`, with the flags every such verb reads. */
export function newCreateRun(
  ctx: VerbContext,
  line: ParsedLine,
  options: Pick<CreateRun, 'dryRun' | 'validation' | 'output'>,
): CreateRun {
  return {
    ctx,
    batch: newBatch(ctx.cluster),
    ...options,
    namespace: flagString(line, 'namespace'),
    saveConfig: flagBool(line, 'save-config'),
    printed: [],
  };
}

export function createObject(run: CreateRun, object: ManifestObject, operation = 'created'): void {
  const { batch } = run;
  const kind = mapKind(object);
  if (!kind.ok) return void fail(batch, kind.error);
  if (kind.value === 'Node') return void fail(batch, nodeCreationError(object));
  const namespace = kind.value === 'Pod' ? namespaceFor(object, run.namespace, run.ctx.namespace) : ok('');
  if (!namespace.ok) return void fail(batch, namespace.error);
  if (run.dryRun === 'client') {
    run.printed.push({ json: submittedObject(object, namespace.value, run.saveConfig) });
    return void say(batch, successLine(object.kind, object.name, operation, run.dryRun, run.output));
  }
  const unsendable = kind.value === 'Pod' ? invalidNamespace(namespace.value) : null;
  if (unsendable !== null) {
    const message = `error when creating "${object.source}": ${unsendable}`;
    return void fail(batch, kubectlError('plain', { message }));
  }
  if (kind.value === 'Pod') createPodObject(run, object, namespace.value, operation);
  else createNamespaceObject(run, object, operation);
}

function createPodObject(run: CreateRun, object: ManifestObject, namespace: string, operation: string): void {
  const { batch, ctx } = run;
  const decoded = podFromManifest(object, namespace, run.validation);
  if (!decoded.ok) return void fail(batch, decoded.error, object.source);
  const input = { ...decoded.value.input };
  const generated = generatedName(object);
  if (generated !== null) input.name = generated + ctx.ids.suffix(5);
  if (run.saveConfig)
    input.annotations = { ...input.annotations, ...lastAppliedAnnotation(object, namespace) };
  const created = createPod(batch.cluster, input, ctx.ids);
  if (!created.ok) return void fail(batch, fromStatus(created.error, object.source), object.source);
  warn(batch, [...decoded.value.warnings, ...created.value.warnings]);
  if (run.dryRun === 'none') commit(batch, created.value.changes);
  run.printed.push({ object: created.value.pod });
  say(batch, successLine('Pod', input.name, operation, run.dryRun, run.output));
}

function createNamespaceObject(run: CreateRun, object: ManifestObject, operation: string): void {
  const { batch, ctx } = run;
  const decoded = namespaceFromManifest(object, run.validation);
  if (!decoded.ok) return void fail(batch, decoded.error, object.source);
  const input = { ...decoded.value.input };
  if (run.saveConfig) input.annotations = { ...input.annotations, ...lastAppliedAnnotation(object, '') };
  const created = createNamespace(batch.cluster, input, ctx.ids);
  if (!created.ok) return void fail(batch, fromStatus(created.error, object.source), object.source);
  warn(batch, decoded.value.warnings);
  if (run.dryRun === 'none') commit(batch, created.value.changes);
  run.printed.push({ object: created.value.namespace });
  say(batch, successLine('Namespace', input.name, operation, run.dryRun, run.output));
}
