import { apiObject } from '../cluster/api-object.ts';
import type { Change } from '../cluster/changes.ts';
import type { Ids } from '../cluster/ids.ts';
import type { Cluster, Namespace, Pod } from '../cluster/model.ts';
import { createNamespace } from '../cluster/namespaces.ts';
import { updateNamespaceOrNode } from '../cluster/object-meta-update.ts';
import { updatePod } from '../cluster/pod-update.ts';
import { createPod } from '../cluster/pods.ts';
import { serverSideApply } from '../cluster/server-side-apply.ts';
import type { Status } from '../cluster/status.ts';
import { err, ok, type Result } from '../result.ts';
import { type KubectlError, kubectlError } from './errors.ts';
import type { ManifestObject } from './manifest.ts';
import { submittedObject } from './manifest-apply.ts';
import { type FieldValidation, namespaceFromManifest, podFromManifest } from './manifest-objects.ts';
import { fromStatus } from './status-error.ts';

/**
 * `kubectl apply --server-side`: kubectl sends the manifest (namespace filled in, no
 * last-applied annotation) as one apply patch, and the server (src/cluster/server-side-apply.ts)
 * creates the object or merges it in. Every answer prints `serverside-applied`. A 409 is read as
 * a field manager conflict, whatever caused it (apply.go's fieldManagerConflictErr).
 */
export interface ServerSideApplied {
  object: Pod | Namespace;
  changes: Change[];
  warnings: string[];
}

const FIELD_MANAGER_CONFLICT = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

/** apply.go's checks of the flags, after -f and before any file is read. */
export function serverSideFlagsError(
  serverSide: boolean,
  force: boolean,
  clientDryRun: boolean,
): KubectlError | null {
  if (clientDryRun && serverSide)
    return kubectlError('plain', {
      message: "--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
    });
  if (force && !serverSide)
    return kubectlError('plain', { message: '--force-conflicts only works with --server-side' });
  return null;
}

/** One object of the files, and where it goes. */
export interface ApplyTarget {
  cluster: Cluster;
  object: ManifestObject;
  kind: 'Pod' | 'Namespace';
  namespace: string;
  validation: FieldValidation;
  ids: Ids;
}

export function serverSideApplyObject(target: ApplyTarget): Result<ServerSideApplied, KubectlError> {
  const { cluster, object, kind, namespace, validation, ids } = target;
  const live =
    kind === 'Pod'
      ? cluster.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === object.name)
      : cluster.namespaces.find((n) => n.metadata.name === object.name);
  const applied = submittedObject(object, namespace, false);
  const plan = serverSideApply(live === undefined ? undefined : apiObject(live, cluster), applied);
  if (!plan.ok) return err(refusal(plan.error));
  if (plan.value.op === 'create' || live === undefined) return created(target);
  const checked =
    kind === 'Pod'
      ? podFromManifest(object, namespace, validation)
      : namespaceFromManifest(object, validation);
  if (!checked.ok) return checked;
  const { next } = plan.value;
  if (live.kind === 'Pod') {
    const update = updatePod(cluster, live, next, ids);
    if (!update.ok) return err(refusal(update.error));
    const { pod, changed } = update.value;
    return ok({
      object: pod,
      changes: changed ? [{ op: 'putPod', pod }] : [],
      warnings: checked.value.warnings,
    });
  }
  const update = updateNamespaceOrNode(cluster, live, next, ids);
  if (!update.ok) return err(refusal(update.error));
  return ok({
    object: update.value.object as Namespace,
    changes: update.value.changes,
    warnings: checked.value.warnings,
  });
}

function created(target: ApplyTarget): Result<ServerSideApplied, KubectlError> {
  const { cluster, object, kind, namespace, validation, ids } = target;
  if (kind === 'Pod') {
    const decoded = podFromManifest(object, namespace, validation);
    if (!decoded.ok) return decoded;
    const made = createPod(cluster, { ...decoded.value.input, createdVia: 'apply' }, ids);
    if (!made.ok) return err(refusal(made.error));
    const { pod, changes, warnings } = made.value;
    return ok({ object: pod, changes, warnings: [...decoded.value.warnings, ...warnings] });
  }
  const decoded = namespaceFromManifest(object, validation);
  if (!decoded.ok) return decoded;
  const made = createNamespace(cluster, decoded.value.input, ids);
  if (!made.ok) return err(refusal(made.error));
  return ok({ object: made.value.namespace, changes: made.value.changes, warnings: decoded.value.warnings });
}

/** The server's answer as apply prints it for a server-side apply: a Conflict with its advice. */
function refusal(status: Status): KubectlError {
  if (status.reason !== 'Conflict') return fromStatus(status);
  return kubectlError('plain', { message: `${status.message}\n${FIELD_MANAGER_CONFLICT}` });
}
