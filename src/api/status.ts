import type { Status } from '../cluster/status.ts';
import { type ApiResponse, jsonResponse } from './types.ts';

/**
 * Every refusal as the API server writes it: a `metav1.Status` with the reason and code of
 * apimachinery's `api/errors` constructors, sent with that HTTP code. The cluster's own refusals
 * (validation, uniqueness, quota) come as `Status` values from src/cluster; the door adds the
 * ones only HTTP has (authentication, size, rate, media type, unknown paths).
 */
export type DoorReason =
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'TooManyRequests'
  | 'BadRequest'
  | 'InternalError';

const CODES: Readonly<Record<DoorReason, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  TooManyRequests: 429,
  InternalError: 500,
};

export interface DoorStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: DoorReason;
  details?: Record<string, unknown>;
  code: number;
}

export function doorStatus(
  reason: DoorReason,
  message: string,
  details?: Record<string, unknown>,
): DoorStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details === undefined ? {} : { details }),
    code: CODES[reason],
  };
}

export const statusResponse = (status: DoorStatus | Status): ApiResponse =>
  jsonResponse(status.code, 'metadata' in status ? status : { ...status, metadata: {} });

/** The answer to a path no resource lives at (genericapiserver's NotFound handler). */
export const NO_SUCH_PATH = (): DoorStatus =>
  doorStatus('NotFound', 'the server could not find the requested resource', {});

export const UNAUTHORIZED = (): DoorStatus => doorStatus('Unauthorized', 'Unauthorized');

/** A read-only token (a teammate's shared sandbox) asking to write, as RBAC words it. */
export function forbiddenVerb(
  user: string,
  verb: string,
  resource: string,
  name: string | null,
  namespace: string | null,
): DoorStatus {
  const where = namespace === null ? 'at the cluster scope' : `in the namespace "${namespace}"`;
  const subject = name === null ? resource : `${resource} "${name}"`;
  return doorStatus(
    'Forbidden',
    `${subject} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "" ${where}: the shared sandbox is read-only`,
    { ...(name === null ? {} : { name }), kind: resource },
  );
}
