import type { Status } from '../cluster/status.ts';
import { type KubectlError, kubectlError } from './errors.ts';

/**
 * How kubectl turns the API server's `Status` into an error: cli-runtime's AddSourceToErr puts
 * `error when creating "FILE": ` in front of the server's message for an object from a file, and
 * cmdutil's checkErr prints an Invalid with causes as `The Pod "x" is invalid: ...` from the
 * details (never with the file name), everything else as `Error from server (Reason): message`.
 */
export function fromStatus(status: Status, source?: string, verb = 'creating'): KubectlError {
  const { details } = status;
  if (status.reason === 'Invalid' && details?.causes !== undefined && details.causes.length > 0) {
    const causes = details.causes.map((c) =>
      c.field === undefined ? c.message : `${c.field}: ${c.message}`,
    );
    return kubectlError('invalid', { kind: details.kind, name: details.name, causes });
  }
  const message = source === undefined ? status.message : `error when ${verb} "${source}": ${status.message}`;
  // StandardErrorMessage names the reason only when the Status has one.
  if (status.reason === '') return kubectlError('rawText', { text: `Error from server: ${message}` });
  return kubectlError('server', { reason: status.reason, message });
}
