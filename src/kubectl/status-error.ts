import type { Status } from '../cluster/status.ts';
import { type KubectlError, kubectlError } from './errors.ts';

/**
 * How kubectl turns the API server's `Status` into an error: cli-runtime's AddSourceToErr puts
 * `error when creating "FILE": ` in front of the server's message for an object from a file, and
 * cmdutil's checkErr prints an Invalid from its details (`The Pod "x" is invalid: ...`, never with
 * the file name; `The request is invalid: ...` when they name no object), everything else as
 * `Error from server (Reason): message`.
 */
export function fromStatus(status: Status, source?: string, verb = 'creating'): KubectlError {
  const message = source === undefined ? status.message : `error when ${verb} "${source}": ${status.message}`;
  if (status.reason === 'Invalid') {
    const invalid = fromInvalid(status, message);
    if (invalid !== null) return invalid;
  }
  // StandardErrorMessage names the reason only when the Status has one.
  if (status.reason === '') return kubectlError('rawText', { text: `Error from server: ${message}` });
  return kubectlError('server', { reason: status.reason, message });
}

/**
 * checkErr's Invalid branch: `The Pod "x" is invalid: cause` when the details name an object,
 * `The request is invalid: ...` when they do not (a generic 422, a patch that does not decode),
 * with the causes if any, else the server's message. An Invalid naming an object without causes
 * is left to the general form.
 */
function fromInvalid(status: Status, message: string): KubectlError | null {
  const { details } = status;
  const causes = (details?.causes ?? []).map((c) =>
    c.field === undefined ? c.message : `${c.field}: ${c.message}`,
  );
  const kind = details?.kind ?? '';
  const name = details?.name ?? '';
  if (kind === '' && name === '')
    return kubectlError('invalidRequest', { message: causes.length === 0 ? message : '', causes });
  return causes.length > 0 ? kubectlError('invalid', { kind, name, causes }) : null;
}
