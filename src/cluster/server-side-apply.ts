import { err, ok, type Result } from '../result.ts';
import { strategicMergePatch } from './patch.ts';
import { isRecord } from './quantity.ts';
import { badRequest, type Status } from './status.ts';

/**
 * Server-side apply (PATCH with `application/apply-patch+yaml`, `kubectl apply --server-side`),
 * for both doors: an absent object is created from the applied configuration; a present one gets
 * the configuration merged in field by field (lists by their merge key, as a strategic merge
 * patch) and then goes through its kind's update rules (the resourceVersion precondition,
 * ValidatePodUpdate). The sandbox keeps no managedFields, so no manager's fields conflict with
 * another's, `force` changes nothing, and a field the same manager applied before and leaves out
 * now is kept (a real server removes it).
 */
export type ServerSideApply = { op: 'create' } | { op: 'update'; next: Record<string, unknown> };

export function serverSideApply(
  live: Record<string, unknown> | undefined,
  applied: Record<string, unknown>,
): Result<ServerSideApply, Status> {
  if (live === undefined) return ok({ op: 'create' });
  const merged = strategicMergePatch(live, applied);
  if (!merged.ok) return err(badRequest(merged.error));
  return isRecord(merged.value)
    ? ok({ op: 'update', next: merged.value })
    : err(badRequest('the patch left no object'));
}

/** The kinds server-side apply may create here (nodes are fixed). */
export const APPLY_CREATES: ReadonlySet<string> = new Set(['Pod', 'Namespace']);
