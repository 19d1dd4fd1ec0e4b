import type { MiddlewareObj } from '@middy/core';
import type { HttpEvent } from '#http/parse-request.ts';

/**
 * The caller's address as API Gateway saw it (`requestContext.http.sourceIp`, also the local
 * gateway's; behind the edge, the viewer's address CloudFront vouched for: edge-origin.ts), kept beside
 * the parsed request: the look-up limits guessing per client with it.
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
