import type { Change } from '../cluster/changes.ts';
import type { Namespace, Pod } from '../cluster/model.ts';
import { namespaceDeleteRequest } from '../cluster/namespace-deletion.ts';
import { type LiveObject, type ObjectUpdate, updateObject, updateStatus } from '../cluster/object-patch.ts';
import { forbidden, noSuchPath, notFound, type Status } from '../cluster/status.ts';
import { podDeleteRequest } from '../cluster/terminating.ts';
import { getKey, isJsonObject } from '../go/json-value.ts';
import type { Result } from '../result.ts';
import { deletedLine } from './deleted-line.ts';
import { waitUntilGone } from './deletion-wait.ts';
import { kubectlError } from './errors.ts';
import type { ManifestObject, ManifestRead } from './manifest.ts';
import { LAST_APPLIED, submittedObject } from './manifest-apply.ts';
import { commit, fail, say, successLine, warn } from './manifest-batch.ts';
import { type CreateRun, createObject } from './manifest-create.ts';
import { findLive, RESOURCE } from './manifest-delete.ts';
import { mapKind, namespaceFor, namespaceFromManifest, podFromManifest } from './manifest-objects.ts';
import type { Printed } from './manifest-print.ts';
import { invalidNamespace } from './namespace-path.ts';
import { fromStatus } from './status-error.ts';

/**
 * `kubectl replace -f` (replace.go), one manifest object at a time as its ContinueOnError
 * visitor goes: the object as written (its namespace filled in, the last-applied annotation
 * refreshed if it carries one or --save-config asks) is PUT, and the whole of it replaces the
 * stored object under the update rules both doors share (src/cluster/object-patch.ts
 * updateObject: a pod's ValidatePodUpdate), so a plain manifest that leaves out what the server
 * filled in on create is refused with the Forbidden diff. With `--force` every object is deleted
 * (a missing one passed over), kubectl waits until it is gone and creates it again, as
 * `kubectl create -f` would.
 */
export interface ReplaceRun extends CreateRun {
  subresource: string;
}

const SOURCE_VERB = 'replacing';

export function replaceObject(run: ReplaceRun, object: ManifestObject): void {
  const { batch } = run;
  const kind = mapKind(object);
  if (!kind.ok) return void fail(batch, kind.error);
  const namespace = kind.value === 'Pod' ? namespaceFor(object, run.namespace, run.ctx.namespace) : undefined;
  if (namespace !== undefined && !namespace.ok) return void fail(batch, namespace.error);
  const body = submittedObject(object, namespace?.value ?? '', annotates(run, object));
  if (run.dryRun === 'client') {
    run.printed.push({ json: body });
    return void say(batch, successLine(object.kind, object.name, 'replaced', run.dryRun, run.output));
  }
  const unsendable = requestError(object, namespace?.value);
  if (unsendable !== null) return void refuse(run, object, unsendable);
  const decoded =
    kind.value === 'Pod'
      ? podFromManifest(object, namespace?.value ?? '', run.validation, SOURCE_VERB)
      : kind.value === 'Namespace'
        ? namespaceFromManifest(object, run.validation, SOURCE_VERB)
        : null;
  // A decoding error comes before the lookup; the object's own validation after it.
  const refused = decoded !== null && !decoded.ok ? decoded.error : null;
  if (refused !== null && refused.code !== 'invalid')
    return void fail(batch, refused, object.source, SOURCE_VERB);
  const live = findLive(batch.cluster, kind.value, object.name, namespace?.value ?? '');
  if (refused !== null && live !== undefined) return void fail(batch, refused, object.source, SOURCE_VERB);
  const update = put(run, live, body, notFound(RESOURCE[kind.value], object.name));
  if (!update.ok)
    return void fail(batch, fromStatus(update.error, object.source, SOURCE_VERB), object.source, SOURCE_VERB);
  warn(batch, decoded?.ok === true ? decoded.value.warnings : []);
  if (run.dryRun === 'none') commit(batch, update.value.changes);
  run.printed.push(printedOf(update.value, live));
  say(batch, successLine(object.kind, object.name, 'replaced', run.dryRun, run.output));
}

/** The PUT, to the object or to its status (any other subresource is no path of the server). */
function put(
  run: ReplaceRun,
  live: LiveObject | undefined,
  body: Record<string, unknown>,
  missing: Status,
): Result<ObjectUpdate, Status> {
  if (run.subresource !== '' && run.subresource !== 'status') return { ok: false, error: noSuchPath };
  if (live === undefined) return { ok: false, error: missing };
  if (run.subresource === 'status') return updateStatus(run.batch.cluster, live, body);
  return updateObject(run.batch.cluster, live, body, run.ctx.ids);
}

/** What the server answered with: the object as now stored. */
function printedOf(update: ObjectUpdate, live: LiveObject | undefined): Printed {
  const stored = update.changes.find((c) => c.op === 'putPod' || c.op === 'putNamespace');
  if (stored?.op === 'putPod') return { object: stored.pod };
  if (stored?.op === 'putNamespace') return { object: stored.namespace };
  if (live !== undefined && live.kind !== 'Node') return { object: live };
  return { json: update.object };
}

/**
 * CreateOrUpdateAnnotation: --save-config writes the last-applied annotation; without it an
 * annotation the manifest already carries is brought up to date, and none is added.
 */
function annotates(run: CreateRun, object: ManifestObject): boolean {
  if (run.saveConfig) return true;
  const meta = getKey(object.raw, 'metadata');
  const annotations = isJsonObject(meta) ? getKey(meta, 'annotations') : undefined;
  const carried = isJsonObject(annotations) ? getKey(annotations, LAST_APPLIED) : undefined;
  return typeof carried === 'string' && carried !== '';
}

/** What client-go's request builder refuses before sending: the namespace, then the name. */
function requestError(object: ManifestObject, namespace: string | undefined): string | null {
  const bad = namespace === undefined ? null : invalidNamespace(namespace);
  if (bad !== null) return bad;
  return object.name === '' ? 'resource name may not be empty' : null;
}

function refuse(run: CreateRun, object: ManifestObject, message: string, verb = SOURCE_VERB): void {
  fail(run.batch, kubectlError('plain', { message: `error when ${verb} "${object.source}": ${message}` }));
}

/** How `--force` deletes, then waits. */
export interface ForceOptions {
  /** The DeleteOptions' grace period (replace makes 0 into 1), or the object's own. */
  graceSeconds: number | undefined;
  /** --wait, or --grace-period=0: DeleteResult waits itself, its timeout naming the object. */
  waitForDeletion: boolean;
  timeoutMs: number;
}

/**
 * replace.go's own poll for the object to be gone, when --timeout is 0; running out, its
 * wait.PollImmediate says only `context deadline exceeded` (kubectl 1.33 through the door).
 */
const POLL_TIMEOUT_MS = 5 * 60 * 1000;

/** `replace --force`: every object deleted, then (once all are gone) every object created. */
export function forceReplace(run: CreateRun, files: readonly ManifestRead[], force: ForceOptions): number {
  const { batch } = run;
  const before = batch.cluster;
  const objects = files.flatMap((f) => f.objects);
  const pods: Pod[] = [];
  const namespaces: Namespace[] = [];
  for (const object of objects) deleteObject(run, object, force, pods, namespaces);
  for (const file of files) if (file.error !== null) fail(batch, file.error);
  if (objects.length === 0) say(batch, 'No resources found');
  if (batch.errors.length > 0) return batch.output.length;
  const timeout = force.timeoutMs > 0 ? force.timeoutMs : force.waitForDeletion ? 0 : POLL_TIMEOUT_MS;
  const waited = waitUntilGone(before, batch.changes, pods, namespaces, timeout);
  commit(batch, waited.changes);
  if (waited.late !== undefined) {
    const name = waited.late.metadata.name;
    fail(
      batch,
      force.waitForDeletion
        ? kubectlError('waitTimeout', { resource: 'pods', name })
        : kubectlError('plain', { message: 'context deadline exceeded' }),
    );
    return batch.output.length;
  }
  const deleted = batch.output.length;
  for (const object of objects)
    createObject({ ...run, saveConfig: annotates(run, object) }, object, 'replaced');
  if (objects.length === 0) fail(batch, kubectlError('plain', { message: 'no objects passed to replace' }));
  return deleted;
}

/** DeleteResult's visit of one object, NotFound ignored (replace creates what is missing). */
function deleteObject(
  run: CreateRun,
  object: ManifestObject,
  force: ForceOptions,
  pods: Pod[],
  namespaces: Namespace[],
): void {
  const { batch } = run;
  const kind = mapKind(object);
  if (!kind.ok) return void fail(batch, kind.error);
  const namespace = kind.value === 'Pod' ? namespaceFor(object, run.namespace, run.ctx.namespace) : undefined;
  if (namespace !== undefined && !namespace.ok) return void fail(batch, namespace.error);
  const unsendable = requestError(object, namespace?.value);
  if (unsendable !== null) return void refuse(run, object, unsendable, 'deleting');
  const live = findLive(batch.cluster, kind.value, object.name, namespace?.value ?? '');
  if (live === undefined) return;
  const changes = deletionOf(run, live, force, object.source);
  if (changes === null) return;
  commit(batch, changes);
  for (const c of changes) {
    if (c.op === 'putPod' && c.pod.sim.deletion !== undefined) pods.push(c.pod);
    if (c.op === 'putNamespace') namespaces.push(c.namespace);
  }
  say(batch, deletedLine(live, run.output, force.graceSeconds, 'none'));
}

function deletionOf(run: CreateRun, live: LiveObject, force: ForceOptions, source: string): Change[] | null {
  const { batch } = run;
  if (live.kind === 'Pod') return podDeleteRequest(batch.cluster, live, run.ctx.ids, force.graceSeconds);
  if (live.kind === 'Namespace') {
    const marked = namespaceDeleteRequest(batch.cluster, live, run.ctx.ids);
    if (marked.ok) return marked.value.changes;
    fail(batch, fromStatus(marked.error, source, 'deleting'));
    return null;
  }
  const refusal = forbidden(
    'nodes',
    live.metadata.name,
    'nodes of this sandbox cannot be deleted; label them instead',
  );
  fail(batch, fromStatus(refusal, source, 'deleting'));
  return null;
}
