import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import * as z from 'zod/mini';
import type { Caller } from '../domain/caller.ts';
import { logger } from '../observability.ts';
import { callerFromClaims } from './caller-from-claims.ts';
import { fieldErrors, vietnameseErrorMap } from './field-errors.ts';
import { type FieldError, problems } from './problem.ts';
import { type RouteAuth, usesToken } from './route.ts';

/** Any zod schema, classic or mini: both are the same engine underneath. */
export interface RequestSchemas {
  body?: z.core.$ZodType;
  query?: z.core.$ZodType;
  params?: z.core.$ZodType;
}

type Out<S> = S extends z.core.$ZodType ? z.output<S> : undefined;

export interface ParsedRequest<S extends RequestSchemas, A extends RouteAuth> {
  body: Out<S['body']>;
  query: Out<S['query']>;
  params: Out<S['params']>;
  caller: A extends 'public' ? Caller | undefined : A extends { partner: string } ? undefined : Caller;
  requestId: string;
  /** The client's Idempotency-Key header, when it sent one. */
  idempotencyKey?: string;
}

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer & { parsed?: ParsedRequest<RequestSchemas, RouteAuth> };

export const defaultMaxBodyBytes = 256 * 1024;

/**
 * An Idempotency-Key header: 1 to 255 visible ASCII characters (a UUID is 36). Longer keys made the
 * filing's claim key exceed DynamoDB's key size (a 500); spaces and other bytes have no use in a key.
 */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

/**
 * Authenticates and validates before anything else runs: the caller comes from the verified
 * token only, and a body that fails its schema (unknown fields included) never reaches a use case.
 */
export function parseRequest(auth: RouteAuth, schemas: RequestSchemas, maxBodyBytes: number): MiddlewareObj<HttpEvent> {
  return {
    before: (request) => {
      const event = request.event;
      logger.setCorrelationId(event.requestContext.requestId);
      const caller = callerFromClaims(event.requestContext.authorizer?.jwt?.claims);
      // A partner route was authenticated by its signature (partnerSignature) before this runs.
      if (usesToken(auth)) {
        if (!caller) throw problems.unauthenticated();
        if (!caller.roles.some((role) => auth.roles.includes(role))) throw problems.forbidden();
      }
      const idempotencyKey = event.headers['idempotency-key'];
      if (idempotencyKey !== undefined && !idempotencyKeyPattern.test(idempotencyKey)) {
        throw problems.invalidIdempotencyKey();
      }
      const errors: FieldError[] = [];
      const validate = (schema: z.core.$ZodType | undefined, input: unknown, where: string) => {
        if (!schema) return undefined;
        const result = z.safeParse(schema, input, { error: vietnameseErrorMap });
        if (result.success) return result.data;
        errors.push(...fieldErrors(result.error, where));
        return undefined;
      };
      const params = validate(schemas.params, event.pathParameters ?? {}, 'path');
      const query = validate(schemas.query, event.queryStringParameters ?? {}, 'query');
      const body = schemas.body ? validate(schemas.body, readJsonBody(event, maxBodyBytes), '') : undefined;
      if (errors.length > 0) throw problems.validation(errors);
      // The validated body replaces the raw one: the idempotency check compares what was accepted.
      (event as { body?: unknown }).body = body;
      event.parsed = {
        body,
        query,
        params,
        caller,
        requestId: event.requestContext.requestId,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      } as ParsedRequest<RequestSchemas, RouteAuth>;
    },
  };
}

function readJsonBody(event: HttpEvent, maxBodyBytes: number): unknown {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > maxBodyBytes) throw problems.tooLarge(maxBodyBytes);
  const contentType = event.headers['content-type'] ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) throw problems.unsupportedMediaType();
  try {
    return JSON.parse(text);
  } catch {
    throw problems.malformedJson();
  }
}
