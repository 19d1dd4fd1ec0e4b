import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { HttpEvent } from '#http/parse-request.ts';

/**
 * The caller's address as API Gateway saw it (`requestContext.http.sourceIp`, also the local
 * gateway's), kept beside the parsed request: the look-up limits guessing per client with it.
 */
const addresses = new WeakMap<object, string>();
export const clientAddress = {
  /** Runs after the request is parsed (httpHandler's `middlewares`). */
  middleware: {
    before: (request) => {
      const event = request.event as HttpEvent;
      if (event.parsed) addresses.set(event.parsed, event.requestContext.http.sourceIp);
    },
  } satisfies MiddlewareObj,
  of: (parsed: object): string => addresses.get(parsed) ?? 'unknown',
};

/** A 429 tells the client when to try again (RFC 9110, 10.2.3): the problem's `retryAfterSeconds`. */
export async function withRetryAfter(
  pending: Promise<APIGatewayProxyStructuredResultV2>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const response = await pending;
  if (response.statusCode !== 429 || typeof response.body !== 'string') return response;
  const seconds = (JSON.parse(response.body) as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  if (typeof seconds !== 'number') return response;
  return { ...response, headers: { ...response.headers, 'retry-after': String(seconds) } };
}
