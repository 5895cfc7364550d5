/**
 * A Kubernetes API request and its answer as plain data, whichever door it came through (the
 * HTTPS server, a test). The body is already read and capped; the query is decoded once.
 */
export interface ApiRequest {
  method: string;
  /** The decoded path without the query: `/api/v1/namespaces/default/pods`. */
  path: string;
  query: URLSearchParams;
  /** `Content-Type` without parameters, lower case. */
  contentType: string;
  accept: string;
  body: string;
  /** The body's bytes, for the one binary format read (protobuf, see protobuf.ts). */
  raw?: Buffer;
}

export interface ApiResponse {
  status: number;
  contentType: string;
  body: string;
  /** `Warning: 299 - "..."` headers (kubectl prints each as `Warning: ...`). */
  warnings?: string[];
}

export type Json = Record<string, unknown>;

export const JSON_TYPE = 'application/json';

export function jsonResponse(status: number, body: unknown, contentType = JSON_TYPE): ApiResponse {
  return { status, contentType, body: JSON.stringify(body) };
}
