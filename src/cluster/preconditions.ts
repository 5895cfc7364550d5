import { err, ok, type Result } from '../result.ts';
import { isRecord } from './quantity.ts';
import { conflict, type Status } from './status.ts';

/**
 * Optimistic concurrency, as the registry's update does it (GuaranteedUpdate): an update whose
 * object names a `metadata.resourceVersion` applies only to that version of the stored object,
 * else it is a 409 Conflict; one that names none (or "") applies to whatever is stored, since
 * every kind here allows unconditional updates. The check comes before any validation.
 */
export const OPTIMISTIC_LOCK_MESSAGE =
  'the object has been modified; please apply your changes to the latest version and try again';

export function resourceVersionPrecondition(
  resource: string,
  live: { name: string; resourceVersion: string },
  wanted: unknown,
): Result<null, Status> {
  if (wanted === undefined || wanted === null || wanted === '' || wanted === live.resourceVersion)
    return ok(null);
  return err(conflict(resource, live.name, OPTIMISTIC_LOCK_MESSAGE));
}

/** The resourceVersion the object of an update (a PUT body, a patched object) names. */
export const resourceVersionOf = (object: Record<string, unknown>): unknown =>
  isRecord(object.metadata) ? object.metadata.resourceVersion : undefined;
