import { goQuote } from '../go/strings.ts';
import { err, ok, type Result } from '../result.ts';
import { isRecord } from './quantity.ts';
import { badRequest, conflict, type Status, unknownError } from './status.ts';

/**
 * Optimistic concurrency, as the registry's update does it (GuaranteedUpdate): an update whose
 * object names a `metadata.resourceVersion` applies only to that version of the stored object,
 * else it is a 409 Conflict; one that names none (or "", or 0) applies to whatever is stored,
 * since every kind here allows unconditional updates. Versions are compared as the numbers the
 * storage versioner reads (ParseUint: "007" is 7, "abc" a 500 with ParseUint's own words). The
 * check comes before any validation.
 */
export const OPTIMISTIC_LOCK_MESSAGE =
  'the object has been modified; please apply your changes to the latest version and try again';

export function resourceVersionPrecondition(
  resource: string,
  live: { name: string; resourceVersion: string },
  wanted: unknown,
): Result<null, Status> {
  if (wanted === undefined || wanted === null || wanted === '') return ok(null);
  if (typeof wanted !== 'string')
    return err(
      badRequest(
        `json: cannot unmarshal ${typeof wanted === 'object' ? 'object' : typeof wanted} into Go struct field ObjectMeta.metadata.resourceVersion of type string`,
      ),
    );
  const version = parsedVersion(wanted);
  if (!version.ok) return version;
  // Version 0 is no version: the update is unconditional.
  const stored = parsedVersion(live.resourceVersion);
  if (version.value === 0n || (stored.ok && version.value === stored.value)) return ok(null);
  return err(conflict(resource, live.name, OPTIMISTIC_LOCK_MESSAGE));
}

const UINT64_MAX = 2n ** 64n - 1n;
/** Longer than any uint64: not read, only refused (so a long string costs nothing). */
const MAX_DIGITS = 20;

/** The storage versioner reads a version with strconv.ParseUint, whose errors it passes up. */
function parsedVersion(text: string): Result<bigint, Status> {
  const parsing = `strconv.ParseUint: parsing ${goQuote(text)}`;
  if (!/^[0-9]+$/.test(text)) return err(unknownError(`${parsing}: invalid syntax`));
  const digits = text.replace(/^0+(?=.)/, '');
  if (digits.length > MAX_DIGITS || BigInt(digits) > UINT64_MAX)
    return err(unknownError(`${parsing}: value out of range`));
  return ok(BigInt(digits));
}

/** The resourceVersion the object of an update (a PUT body, a patched object) names. */
export const resourceVersionOf = (object: Record<string, unknown>): unknown =>
  isRecord(object.metadata) ? object.metadata.resourceVersion : undefined;
