/**
 * The problem+json body every error of the API has (RFC 9457, shared/http/problem.ts problemResponse):
 * the members a client may rely on; a problem adds its own facts beside them (`currentVersion`…).
 */
import * as z from 'zod/mini';

export const ProblemDetails = z.looseObject({
  type: z.url(),
  /** The stable machine identifier; `title` and `detail` are for people, in Vietnamese. */
  code: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  status: z.int().check(z.minimum(400), z.maximum(599)),
  title: z.string(),
  detail: z.optional(z.string()),
  /** The request id, to quote to the help desk. */
  instance: z.optional(z.string()),
  /** The fields that failed validation (`validation-failed`). */
  errors: z.optional(z.array(z.strictObject({ field: z.string(), message: z.string() }))),
  /** How long to wait before trying again (a 429), also sent as Retry-After. */
  retryAfterSeconds: z.optional(z.int().check(z.minimum(0))),
});

/** What each problem status means, for the document's shared responses. */
export const problemStatuses = {
  400: 'The request is malformed or fails its schema (`validation-failed`, `malformed-json`, `invalid-idempotency-key`…)',
  401: 'No valid token (answered by the API gateway as `{"message":"Unauthorized"}`), or no valid partner signature (problem+json)',
  403: "The caller's roles do not allow this",
  404: 'Not found, or not the caller’s to see',
  409: 'A conflict: a stale `expectedVersion`, a state that forbids the step, or the same Idempotency-Key in progress',
  413: 'The body is too large',
  415: 'The body is not JSON',
  422: 'The rules refuse the request, or the Idempotency-Key was used for another request',
  429: 'Too many requests: wait `Retry-After` seconds',
  500: 'An unexpected error',
  503: 'A partner system is unavailable: try again later',
} as const;
export type ProblemStatus = keyof typeof problemStatuses;
