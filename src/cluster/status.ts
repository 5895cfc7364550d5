/**
 * What the API server answers when it refuses a request: a `Status` (apimachinery
 * `metav1.Status`, built by `k8s.io/apimachinery/pkg/api/errors`). The server words only its own
 * `message`; how kubectl prints it (`Error from server (Reason): ...`, `The Pod "x" is invalid:`,
 * the `-f` file name) is the client's business, in `src/kubectl/status-error.ts`.
 */
export type StatusReason =
  | 'BadRequest'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'MethodNotAllowed'
  | 'RequestEntityTooLarge'
  /** StatusReasonUnknown: an error the server did not turn into a Status of its own (a 500). */
  | '';

/** The HTTP code each reason travels with (api/errors `New*` constructors). */
export const STATUS_CODES: Readonly<Record<StatusReason, number>> = {
  BadRequest: 400,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  AlreadyExists: 409,
  Conflict: 409,
  RequestEntityTooLarge: 413,
  Invalid: 422,
  '': 500,
};

export interface StatusCause {
  /** The field path (`spec.containers[0].name`), when the cause names one. */
  readonly field?: string;
  readonly message: string;
}

/** Go leaves out an empty name or kind (`omitempty`): a generic server response's details are `{}`. */
export interface StatusDetails {
  readonly name?: string;
  /** The kind for Invalid (`Pod`), the resource for the others (`pods`). */
  readonly kind?: string;
  readonly causes?: readonly StatusCause[];
}

export interface Status {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly status: 'Failure';
  readonly reason: StatusReason;
  readonly code: number;
  readonly message: string;
  readonly details?: StatusDetails;
}

function status(reason: StatusReason, message: string, details?: StatusDetails): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    reason,
    code: STATUS_CODES[reason],
    message,
    ...(details === undefined ? {} : { details }),
  };
}

/** `pods "x" not found` (NewNotFound). */
export const notFound = (resource: string, name: string): Status =>
  status('NotFound', `${resource} "${name}" not found`, { name, kind: resource });

/**
 * `pods "x" already exists` (NewAlreadyExists). The registry's Create words it `object is being
 * deleted: ...` when the object in the way is Terminating.
 */
export const alreadyExists = (resource: string, name: string, beingDeleted = false): Status =>
  status(
    'AlreadyExists',
    `${beingDeleted ? 'object is being deleted: ' : ''}${resource} "${name}" already exists`,
    {
      name,
      kind: resource,
    },
  );

/** `pods "x" is forbidden: why` (NewForbidden). */
export const forbidden = (resource: string, name: string, why: string): Status =>
  status('Forbidden', `${resource} "${name}" is forbidden: ${why}`, { name, kind: resource });

/** The 404 of a path the server does not serve (a subresource a kind lacks: `pods/web/scale`). */
export const noSuchPath: Status = status('NotFound', 'the server could not find the requested resource');

export const badRequest = (message: string): Status => status('BadRequest', message);

/** `Request entity too large: why` (NewRequestEntityTooLargeError): no details. */
export const requestEntityTooLarge = (why: string): Status =>
  status('RequestEntityTooLarge', `Request entity too large: ${why}`);

/**
 * A 422 built by NewGenericServerResponse with no resource and no name: the reason is Invalid, the
 * message is the constructor's own sentence, and whatever error the server had is not kept.
 */
export const unprocessableEntity = (): Status =>
  status('Invalid', 'the server rejected our request due to an error in our request', {});

/** An error the registry passed up as it was (ErrorToAPIStatus' default: 500, no reason). */
export const unknownError = (message: string): Status => status('', message);

/** `Operation cannot be fulfilled on pods "x": why` (NewConflict). */
export const conflict = (resource: string, name: string, why: string): Status =>
  status('Conflict', `Operation cannot be fulfilled on ${resource} "${name}": ${why}`, {
    name,
    kind: resource,
  });

/**
 * `Pod "x" is invalid: cause` or, for several, `[c1, c2]` (NewInvalid, whose message is
 * `ErrorList.ToAggregate()`). Each cause is a rendered field error (`path: Invalid value: ...`).
 */
export function invalid(kind: string, name: string, causes: readonly string[]): Status {
  const body = causes.length === 1 ? (causes[0] ?? '') : `[${causes.join(', ')}]`;
  const details = causes.map((cause) => {
    const field = /^([^:\s]+): /.exec(cause)?.[1];
    return field === undefined ? { message: cause } : { field, message: cause.slice(field.length + 2) };
  });
  return status('Invalid', `${kind} "${name}" is invalid: ${body}`, { name, kind, causes: details });
}
